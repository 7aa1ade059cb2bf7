extension FindingCatalogue {
  static let structure: [FindingDescriptor] = [
    FindingDescriptor(
      code: .weightsSum, severity: .error,
      tag: "权重合计",
      title: "权重合计不等于 100",
      explanation: "各指标权重与预算执行分值之和不是 100（任一指标缺权重时不检查）。",
      triggering: [
        FindingExample(
          "指标 80 + 预算执行 10 = 90", at: nil,
          indicators: [#"{"name": "甲", "weight": 80, "target": ">=1次", "actual": "1次"}"#],
          funds: #"{"annualBudget": "100", "executed": "100", "weight": 10}"#)
      ],
      clean: [
        FindingExample(
          "指标 90 + 预算执行 10 = 100", at: nil,
          indicators: [#"{"name": "甲", "weight": 90, "target": ">=1次", "actual": "1次"}"#],
          funds: #"{"annualBudget": "100", "executed": "100", "weight": 10}"#)
      ]),
    FindingDescriptor(
      code: .weightsZero, severity: .warning,
      tag: "权重为0",
      title: "指标权重为 0",
      explanation: "权重为 0 的指标不计分，通常是填表错误。",
      triggering: [
        FindingExample("权重 0", indicators: [#"{"name": "甲", "weight": 0, "target": ">=1次", "actual": "1次"}"#])
      ],
      clean: [
        FindingExample("权重 5", indicators: [#"{"name": "甲", "weight": 5, "target": ">=1次", "actual": "1次"}"#])
      ]),
    FindingDescriptor(
      code: .weightsMissing, severity: .warning,
      tag: "缺权重",
      title: "指标缺少权重，无法复核",
      explanation: "权重栏缺失或为空的指标无法复核：保留自评得分，计入未核实分值。",
      triggering: [
        FindingExample(
          "只印得分的表", indicators: [#"{"name": "甲", "target": ">=1次", "actual": "1次", "claimedScore": 10}"#])
      ],
      clean: [
        FindingExample("有权重", indicators: [#"{"name": "甲", "weight": 10, "target": ">=1次", "actual": "1次", "claimedScore": 10}"#])
      ]),
    FindingDescriptor(
      code: .missingLevel1, severity: .warning,
      tag: "缺一级指标",
      title: "项目表缺少一级指标",
      explanation: "项目支出表没有产出、效益或满意度类指标（方案所列的必备一级指标）。",
      triggering: [
        FindingExample(
          "只有产出和效益，没有满意度", at: nil,
          indicators: [
            #"{"level1": "产出指标", "level2": "数量指标", "name": "甲", "weight": 50, "target": ">=1次", "actual": "1次"}"#,
            #"{"level1": "效益指标", "level2": "社会效益指标", "name": "乙", "weight": 50, "target": "有效", "actual": "有效"}"#,
          ])
      ],
      clean: [
        FindingExample(
          "产出、效益、满意度俱全", at: nil,
          indicators: [
            #"{"level1": "产出指标", "level2": "数量指标", "name": "甲", "weight": 40, "target": ">=1次", "actual": "1次"}"#,
            #"{"level1": "效益指标", "level2": "社会效益指标", "name": "乙", "weight": 40, "target": "有效", "actual": "有效"}"#,
            #"{"level1": "满意度指标", "level2": "满意度指标", "name": "丙", "weight": 20, "target": ">=90%", "actual": "95%"}"#,
          ])
      ]),
    FindingDescriptor(
      code: .misplacedLevel2, severity: .warning,
      tag: "二级错位",
      title: "二级指标不属于其一级指标",
      explanation: "二级指标不在方案为该一级指标列出的二级指标中（如“社会效益指标”挂在“产出指标”下）。",
      triggering: [
        FindingExample(
          "产出指标下的社会效益指标",
          indicators: [#"{"level1": "产出指标", "level2": "社会效益指标", "name": "甲", "weight": 10, "target": ">=1次", "actual": "1次"}"#])
      ],
      clean: [
        FindingExample(
          "產出指標下的數量指標（繁体写法照样识别）",
          indicators: [#"{"level1": "產出指標", "level2": "數量指標", "name": "甲", "weight": 10, "target": ">=1次", "actual": "1次"}"#])
      ]),
    FindingDescriptor(
      code: .duplicateIndicator, severity: .warning,
      tag: "重复指标",
      title: "三级指标重复",
      explanation: "同一表中同名三级指标出现两次以上（复核只计一次），在第二次出现处报告。",
      triggering: [
        FindingExample(
          "同名指标两次", at: "2",
          indicators: [
            #"{"name": "展会次数", "weight": 10, "target": ">=1次", "actual": "1次"}"#,
            #"{"name": "展会次数", "weight": 10, "target": ">=1次", "actual": "1次"}"#,
          ])
      ],
      clean: [
        FindingExample(
          "名称不同",
          indicators: [
            #"{"name": "展会次数", "weight": 10, "target": ">=1次", "actual": "1次"}"#,
            #"{"name": "展会费用", "weight": 10, "target": "<=1万元", "actual": "1万元"}"#,
          ])
      ]),
  ]
}
