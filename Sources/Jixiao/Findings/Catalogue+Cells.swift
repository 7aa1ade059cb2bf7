extension FindingCatalogue {
  static let cells: [FindingDescriptor] = [
    FindingDescriptor(
      code: .unitScaleConverted, severity: .info,
      tag: "单位换算",
      title: "金额单位已换算",
      explanation: "目标与实际的金额单位不同（万元对亿元），已按比例换算后比较。",
      triggering: [
        FindingExample(
          ">=1亿元，实际 12000万元", indicators: [#"{"name": "销售额", "weight": 10, "target": ">=1亿元", "actual": "12000万元"}"#])
      ],
      clean: [
        FindingExample(">=5亿元，实际 =5亿元", indicators: [#"{"name": "销售额", "weight": 10, "target": ">=5亿元", "actual": "=5亿元"}"#])
      ]),
    FindingDescriptor(
      code: .unitIncompatible, severity: .warning,
      tag: "单位不符",
      title: "单位无法比较，未核实",
      explanation: "目标与实际单位不同且不能换算（辆对 %）：该项保留自评得分，计入未核实分值。",
      triggering: [
        FindingExample(
          "≥1辆，实际 =1%（种子 002 租赁新能源车）",
          indicators: [#"{"name": "租赁新能源车", "weight": 15, "target": "≥1辆", "actual": "=1%", "claimedScore": 15}"#])
      ],
      clean: [
        FindingExample(">=1辆，实际 1辆", indicators: [#"{"name": "租赁新能源车", "weight": 15, "target": "≥1辆", "actual": "1辆"}"#])
      ]),
    FindingDescriptor(
      code: .cellUnparseable, severity: .warning,
      tag: "无法读出",
      title: "单元格无法读出",
      explanation:
        "目标值或实际值像数值或日期却读不出（如“>=”“2月30日”），或数值目标配文字实际值：该项未核实。"
        + "权重、得分、完成率、总分或金额不是 docs/input.md 所列的写法（如“10,0”“1 0”、权重写“10%”、文字）：该格按未填处理，"
        + "权重读不出的指标未核实（保留自评得分，计入未核实分值），自评得分、完成率、总分读不出则不作相应比较。"
        + "读表格（.xlsx、.docx、表格 CSV）时，也报告未读入的格：总分行中的其他格、无法归入任何部分的行、资金块中不在列名下的数，"
        + "以及没有一列能读的资金块（本表按没有资金块复核）。",
      triggering: [
        FindingExample(
          "目标只有比较符", indicators: [#"{"name": "甲", "weight": 10, "target": ">=", "actual": "5次", "claimedScore": 10}"#]),
        FindingExample("不存在的日期", indicators: [#"{"name": "时限", "weight": 10, "target": "2024年2月30日前", "actual": "2024年2月1日"}"#]),
        FindingExample("数值目标，文字实际值", indicators: [#"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "已完成"}"#]),
        FindingExample(
          "自评得分“10,0”（不是 100，也不是 10）",
          indicators: [#"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次", "claimedScore": "10,0"}"#]),
        FindingExample(
          "权重写成“10%”", indicators: [#"{"name": "次数", "weight": "10%", "target": ">=5次", "actual": "5次", "claimedScore": 10}"#]),
        FindingExample(
          "全年预算数“1,0000”（千分位不是三位一组）", at: "funds", indicators: [FindingExample.anIndicator],
          funds: #"{"annualBudget": "1,0000", "executed": "5", "weight": 10, "claimedScore": 10}"#),
      ],
      clean: [
        FindingExample(">=5次，实际 5次", indicators: [#"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次"}"#]),
        FindingExample(
          "权重“１０.００分”、自评得分“10.00 分”",
          indicators: [#"{"name": "次数", "weight": "１０.００分", "target": ">=5次", "actual": "5次", "claimedScore": "10.00 分"}"#]),
        FindingExample(
          "预算“1,782.65”，执行“1,782.65万元”，执行率“100.00％”", at: "funds", indicators: [FindingExample.anIndicator],
          funds: #"{"annualBudget": "1,782.65", "executed": "1,782.65万元", "weight": 10, "claimedRate": "100.00％"}"#),
      ]),
    FindingDescriptor(
      code: .numberOutOfRange, severity: .warning,
      tag: "超出范围",
      title: "数值超出可计算范围",
      explanation:
        "权重、得分、总分或金额的绝对值超过 10^12，或有效数字超过 18 位：该格按未填处理（权重如此的指标未核实）。"
        + "由表中数值算出的合计或差额无法精确计算时（小数位过多），相应检查不做，并报告此项。",
      triggering: [
        FindingExample(
          "权重 1e30", indicators: [#"{"name": "次数", "weight": 1e30, "target": ">=5次", "actual": "5次", "claimedScore": 10}"#]),
        FindingExample(
          "自评得分 9e15", indicators: [#"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次", "claimedScore": 9e15}"#]),
        FindingExample(
          "权重的小数位使权重合计无法精确计算", at: nil,
          indicators: [
            #"{"name": "甲", "weight": "0.0000000000000000000000000001", "target": ">=5次", "actual": "5次"}"#,
            #"{"name": "乙", "weight": "999999999999.3", "target": ">=5次", "actual": "5次"}"#,
          ]),
      ],
      clean: [
        FindingExample(
          "权重 1,000,000,000,000（上限本身）",
          indicators: [#"{"name": "次数", "weight": "1,000,000,000,000", "target": ">=5次", "actual": "5次"}"#])
      ]),
    FindingDescriptor(
      code: .qualitativeUnclassified, severity: .info,
      tag: "无法评判",
      title: "定性实际值无法归档，未核实",
      explanation: "文字实际值既不像达成、部分达成，也不像未达成：该项保留自评得分，计入未核实分值。",
      triggering: [
        FindingExample(
          "长期推动，实际“详见报告”",
          indicators: [#"{"name": "品牌美誉度", "weight": 5, "target": "长期推动", "actual": "详见报告", "claimedScore": 5}"#])
      ],
      clean: [
        FindingExample(
          "长期推动，实际“长期推动”（照抄目标视为达成）",
          indicators: [#"{"name": "品牌美誉度", "weight": 5, "target": "长期推动", "actual": "长期推动", "claimedScore": 5}"#])
      ]),
  ]

  static let funds: [FindingDescriptor] = [
    FindingDescriptor(
      code: .fundsRateMismatch, severity: .warning,
      tag: "执行率不符",
      title: "预算执行率与执行数/预算数不符",
      explanation: "表上执行率与 全年执行数 ÷ 全年预算数 相差超过 0.005（半个百分点）。",
      triggering: [
        FindingExample(
          "执行 50/100，表上 60%", at: "funds", indicators: [FindingExample.anIndicator],
          funds: #"{"annualBudget": "100", "executed": "50", "weight": 10, "claimedRate": "60%"}"#)
      ],
      clean: [
        FindingExample(
          "执行 31.97/37.07，表上 86.24%", at: "funds", indicators: [FindingExample.anIndicator],
          funds: #"{"annualBudget": "37.07", "executed": "31.97", "weight": 10, "claimedRate": "86.24%"}"#)
      ]),
    FindingDescriptor(
      code: .fundsOverExecuted, severity: .warning,
      tag: "超预算",
      title: "执行数超过全年预算数",
      explanation: "全年执行数大于全年预算数：超预算支出，得分按 100% 封顶。",
      triggering: [
        FindingExample(
          "执行 120/100", at: "funds", indicators: [FindingExample.anIndicator],
          funds: #"{"annualBudget": "100", "executed": "120", "weight": 10}"#)
      ],
      clean: [
        FindingExample(
          "执行 100/100", at: "funds", indicators: [FindingExample.anIndicator],
          funds: #"{"annualBudget": "100", "executed": "100", "weight": 10}"#)
      ]),
    FindingDescriptor(
      code: .fundsSourcesMismatch, severity: .warning,
      tag: "来源不符",
      title: "资金来源合计与总额不符",
      explanation: "各资金来源行（当年财政拨款、其他资金……）相加不等于年度资金总额行。",
      triggering: [
        FindingExample(
          "来源 30 + 5 ≠ 总额 37.07", at: "funds", indicators: [FindingExample.anIndicator],
          funds:
            #"{"annualBudget": "37.07", "executed": "31.97", "weight": 10, "sources": [{"name": "当年财政拨款", "annualBudget": "30", "executed": "31.97"}, {"name": "其他资金", "annualBudget": "5", "executed": "0"}]}"#
        )
      ],
      clean: [
        FindingExample(
          "来源 37.07 + 0 = 总额", at: "funds", indicators: [FindingExample.anIndicator],
          funds:
            #"{"annualBudget": "37.07", "executed": "31.97", "weight": 10, "sources": [{"name": "当年财政拨款", "annualBudget": "37.07", "executed": "31.97"}, {"name": "其他资金", "annualBudget": "0", "executed": null}]}"#
        )
      ]),
    FindingDescriptor(
      code: .fundsNoBudget, severity: .warning,
      tag: "无预算数",
      title: "缺少全年预算数，预算执行未核实",
      explanation: "全年预算数缺失或为 0，无法计算执行率：预算执行项保留自评得分，计入未核实分值。",
      triggering: [
        FindingExample(
          "全年预算数 0", at: "funds", indicators: [FindingExample.anIndicator],
          funds: #"{"annualBudget": "0", "executed": "5", "weight": 10, "claimedScore": 10}"#)
      ],
      clean: [
        FindingExample(
          "全年预算数 5", at: "funds", indicators: [FindingExample.anIndicator],
          funds: #"{"annualBudget": "5", "executed": "5", "weight": 10}"#)
      ]),
    FindingDescriptor(
      code: .spendingGap, severity: .warning,
      tag: "花钱少得分高",
      title: "钱没花出去，指标却近乎满分",
      explanation: "指标自评得分达权重合计的 95% 以上，而预算执行率低于 60%：产出与资金使用不相称。",
      triggering: [
        FindingExample(
          "执行 50%，指标自评满分", at: nil,
          indicators: [#"{"name": "甲", "weight": 90, "target": ">=1次", "actual": "1次", "claimedScore": 90}"#],
          funds: #"{"annualBudget": "100", "executed": "50", "weight": 10}"#)
      ],
      clean: [
        FindingExample(
          "执行 86%，指标自评满分", at: nil,
          indicators: [#"{"name": "甲", "weight": 90, "target": ">=1次", "actual": "1次", "claimedScore": 90}"#],
          funds: #"{"annualBudget": "100", "executed": "86", "weight": 10}"#)
      ]),
  ]

  static let evidence: [FindingDescriptor] = [
    FindingDescriptor(
      code: .explanationMissing, severity: .info,
      tag: "无偏差原因",
      title: "未达成或超额，却无偏差原因",
      explanation: "表有“偏差原因分析及改进措施”栏，而未达成或超过超额阈值的指标该栏为空。",
      triggering: [
        FindingExample(
          "完成 90%，无偏差原因",
          indicators: [#"{"name": "及时率", "weight": 15, "target": "=100%", "actual": "=90%", "explanation": null}"#])
      ],
      clean: [
        FindingExample(
          "完成 90%，写明“项目未完工”",
          indicators: [#"{"name": "及时率", "weight": 15, "target": "=100%", "actual": "=90%", "explanation": "项目未完工"}"#])
      ]),
    FindingDescriptor(
      code: .evidenceMissing, severity: .info,
      tag: "无佐证",
      title: "缺少佐证资料",
      explanation: "表有“佐证资料”栏而该指标为空：复核人员通常对无佐证的指标给 0 分（方案可要求如此计分）。",
      triggering: [
        FindingExample("佐证资料为空", indicators: [#"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次", "evidence": ""}"#])
      ],
      clean: [
        FindingExample(
          "佐证资料：工作资料", indicators: [#"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次", "evidence": "工作资料"}"#])
      ]),
  ]
}
