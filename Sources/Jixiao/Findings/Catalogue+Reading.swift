extension FindingCatalogue {
  /// What the reader could not take as printed (jixiao's own codes, docs/rules.md "Reading tables").
  static let reading: [FindingDescriptor] = [
    FindingDescriptor(
      code: .nameMissing, severity: .warning,
      tag: "缺名称",
      title: "三级指标或项目名称未填",
      explanation:
        "一行指标没有三级指标名称（空白、缺失或不可读）：无法确认它是哪一项指标，该行未核实，保留自评得分、计入未核实分值，"
        + "报告中记为“（未填指标名称）”；整表照常复核。表没有项目名称时，报告中记为“（未填项目名称）”。",
      triggering: [
        FindingExample(
          "第 2 行没有三级指标名称", at: "2",
          indicators: [
            #"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次"}"#,
            #"{"weight": 5, "target": ">=1次", "actual": "1次", "claimedScore": 5}"#,
          ]),
        FindingExample(
          "三级指标为空白", indicators: [#"{"name": " ", "weight": 10, "target": ">=5次", "actual": "5次", "claimedScore": 10}"#]),
        FindingExample("没有项目名称", at: nil, #"{"indicators": [{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次"}]}"#),
      ],
      clean: [
        FindingExample("有名称", indicators: [#"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次"}"#])
      ]),
    FindingDescriptor(
      code: .cellUncertain, severity: .warning,
      tag: "读取不确定",
      title: "从文档文本读取的单元格归属不确定",
      explanation:
        "从 pdftotext 打印的决算文本读表时，文本不记录位置，单元格按其内容和表头顺序归列；某个值的归属是推断的"
        + "（如数值下方折行的文字放入下一文字列、数值个数与表头列数不符时从左排放）时，该值照读并标明原因，"
        + "所在行（或预算执行项）未核实，保留自评得分、计入未核实分值。用 jixiao extract 核对原文（每个值附页码和行号），"
        + "改正 JSON 后复核。",
      triggering: [
        FindingExample(
          "数值后的文字折行印在下方，有两个文字列", at: "1",
          documentText: printedTable(textColumns: "佐证资料 偏差原因分析及改进措施", row: "100 80\n部分活动\n延期"))
      ],
      clean: [
        FindingExample(
          "各值与表头一一对应", at: nil,
          documentText: printedTable(textColumns: "佐证资料 偏差原因分析及改进措施", row: "100 80 工作资料 部分活动延期")),
        FindingExample(
          "只有一个文字列：数值下方折行的文字只能属于它", at: nil,
          documentText: printedTable(textColumns: "偏差原因分析及改进措施", row: "100 80\n部分活动\n延期")),
      ]),
    FindingDescriptor(
      code: .columnIgnored, severity: .warning,
      tag: "未读列",
      title: "有未读入的列",
      explanation:
        "CSV 表头，或表格的指标块、资金块中有 jixiao 不认识的列，而本表在该列填了内容（如拆开的“指标性质”“度量单位”，"
        + "或资金块的“资金总额（万元）”）：该列内容未读入复核。每表每列报告一次；本表该列全空时不报告。"
        + "改用 docs/input.md 所列的列名，或删去该列。",
      triggering: [
        FindingExample(
          "“度量单位”列有内容", at: nil,
          csv: "项目名称,三级指标,权重,目标值,度量单位,业绩值\n示例项目,次数,100,>=5,次,5次\n")
      ],
      clean: [
        FindingExample(
          "“备注”列全空", at: nil, csv: "项目名称,三级指标,权重,目标值,业绩值,备注\n示例项目,次数,100,>=5次,5次,\n")
      ]),
    FindingDescriptor(
      code: .sheetHidden, severity: .info,
      tag: "隐藏表",
      title: "表在隐藏的工作表中",
      explanation:
        "工作簿中隐藏的工作表（Excel 的“隐藏”或“深度隐藏”）上有一张自评表：照常读入复核，并报告一次，因为打开文件的人看不到它。"
        + "它可能是报送的表，也可能是模板、草稿或往年的表：请核对；不应复核的，删去该工作表后再复核。"
        + "隐藏工作表上没有任何指标行的表（空白模板、下拉选项）不读入，也不报告。",
      triggering: [
        FindingExample("工作表“自评表”是隐藏的", workbookSheet: ExampleWorkbook.form, hidden: true)
      ],
      clean: [
        FindingExample("同一张表，工作表未隐藏", workbookSheet: ExampleWorkbook.form, hidden: false)
      ]),
    FindingDescriptor(
      code: .sheetNoForm, severity: .info,
      tag: "无表工作表",
      title: "工作簿中有工作表没有自评表或绩效目标表",
      explanation:
        "工作簿的某个工作表不是空白的，却找不到自评表或绩效目标表（没有以“自评表”或“目标表”结尾的标题、“项目名称”标签或指标表头）："
        + "它不读入，并在同一工作簿的一张表上报告一次（它之前的那张表；它在所有表之前时，第一张表），写出工作表名和它第一个有内容的格。"
        + "填表说明、备注一类的工作表可以不理会；若它是要复核的表，请按打印的样子排版或写成 JSON。隐藏的工作表（下拉选项、模板）不报告。",
      triggering: [
        FindingExample(
          "工作表“说明”只有填表说明", workbookSheet: ExampleWorkbook.form, hidden: false,
          otherSheet: "填表说明：金额单位为万元\n各项指标按年度填报")
      ],
      clean: [
        FindingExample("只有一个工作表", workbookSheet: ExampleWorkbook.form, hidden: false),
        FindingExample("工作表“说明”是空白的", workbookSheet: ExampleWorkbook.form, hidden: false, otherSheet: ""),
      ]),
    FindingDescriptor(
      code: .levelWeightsSum, severity: .warning,
      tag: "级分值不符",
      title: "一级（二级）指标标注的分值与其下指标权重合计不符",
      explanation:
        "表在一级或二级指标名称后注明分值（如“产出指标（50分）”），而其下各指标权重之和不等于该分值。"
        + "名称按去掉分值后的写法比对（产出指标）。其下有指标缺权重时不检查。",
      triggering: [
        FindingExample(
          "产出指标（50分），其下权重 30 + 15", at: nil,
          indicators: [
            #"{"level1": "产出指标（50分）", "level2": "数量指标", "name": "甲", "weight": 30, "target": ">=1次", "actual": "1次"}"#,
            #"{"level1": "产出指标（50分）", "level2": "质量指标", "name": "乙", "weight": 15, "target": ">=1次", "actual": "1次"}"#,
          ])
      ],
      clean: [
        FindingExample(
          "产出指标(50分)，其下权重 30 + 20", at: nil,
          indicators: [
            #"{"level1": "产出指标(50分)", "level2": "数量指标", "name": "甲", "weight": 30, "target": ">=1次", "actual": "1次"}"#,
            #"{"level1": "产出指标(50分)", "level2": "质量指标", "name": "乙", "weight": 20, "target": ">=1次", "actual": "1次"}"#,
          ])
      ]),
  ]

  /// A project table as pdftotext prints it by default, one indicator row: its text columns after the
  /// score, and its weight, score and what follows them on the row's line and below.
  private static func printedTable(textColumns: String, row: String) -> String {
    """
     项目支出绩效自评表
    (2024 年度)
    项目名称 示例项目
    一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 \(textColumns)
    产出指标 数量指标 次数 >=5 次 =4 次 \(row)
    总分 100 80
    """
  }
}
