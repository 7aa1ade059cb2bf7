extension FindingCatalogue {
  /// Raised by `jixiao review-targets` (the target side of a table, before the year starts).
  static let review: [FindingDescriptor] = [
    FindingDescriptor(
      code: .qualitativeShare, severity: .warning,
      tag: "定性过多",
      title: "定性（不可衡量）目标占权重过多",
      explanation: "“有效促进”“显著提升”之类的目标无法衡量；其权重合计超过方案上限（默认 30%）时提示。",
      triggering: [
        FindingExample(
          "40 分中 20 分是定性目标", at: nil,
          indicators: [
            #"{"name": "甲", "weight": 20, "target": ">=5次"}"#, #"{"name": "乙", "weight": 20, "target": "有效促进"}"#,
          ], extra: #""kind": "project-target""#)
      ],
      clean: [
        FindingExample(
          "40 分中 10 分是定性目标", at: nil,
          indicators: [
            #"{"name": "甲", "weight": 30, "target": ">=5次"}"#, #"{"name": "乙", "weight": 10, "target": "有效促进"}"#,
          ], extra: #""kind": "project-target""#)
      ]),
    FindingDescriptor(
      code: .targetWithoutUnit, severity: .warning,
      tag: "无单位",
      title: "数值目标没有单位",
      explanation: "目标只有数字（“>=5”），看不出是 5 次、5 家还是 5%。",
      triggering: [
        FindingExample(
          ">=5", indicators: [#"{"name": "培训", "weight": 10, "target": ">=5"}"#], extra: #""kind": "project-target""#)
      ],
      clean: [
        FindingExample(
          ">=5次", indicators: [#"{"name": "培训", "weight": 10, "target": ">=5次"}"#], extra: #""kind": "project-target""#)
      ]),
    FindingDescriptor(
      code: .costOverBudget, severity: .warning,
      tag: "成本超预算",
      title: "成本目标合计超过预算",
      explanation: "成本指标的金额目标（换算为预算单位，默认万元）相加超过全年预算数：目标与预算不衔接。",
      triggering: [
        FindingExample(
          "预算 20 万元，成本目标 12 + 10 万元", at: nil,
          indicators: [
            #"{"level1": "成本指标", "level2": "经济成本指标", "name": "展会费", "weight": 10, "target": "<=12万元"}"#,
            #"{"level1": "成本指标", "level2": "经济成本指标", "name": "调研费", "weight": 10, "target": "<=100000元"}"#,
          ], funds: #"{"annualBudget": "20"}"#, extra: #""kind": "project-target""#)
      ],
      clean: [
        FindingExample(
          "预算 20 万元，成本目标 10 + 8 + 2 万元（种子 003 商务工作经费）", at: nil,
          indicators: [
            #"{"level1": "成本指标", "level2": "经济成本指标", "name": "展会费", "weight": 10, "target": "<=10 万元"}"#,
            #"{"level1": "成本指标", "level2": "经济成本指标", "name": "车辆费", "weight": 5, "target": "<=8 万元"}"#,
            #"{"level1": "成本指标", "level2": "经济成本指标", "name": "办公费", "weight": 5, "target": "<=2 万元"}"#,
          ], funds: #"{"annualBudget": "20.00"}"#, extra: #""kind": "project-target""#)
      ]),
    FindingDescriptor(
      code: .belowLastYear, severity: .warning,
      tag: "低于上年",
      title: "目标不高于上年完成情况",
      explanation: "越高越好的指标，目标值不高于上年已经达到的值：目标缺乏挑战性。",
      triggering: [
        FindingExample(
          "目标 >=2次/年，上年完成 2次/年",
          indicators: [#"{"name": "双边会议", "weight": 7, "target": ">=2次/年", "lastYear": "2次/年"}"#],
          extra: #""kind": "project-target""#)
      ],
      clean: [
        FindingExample(
          "目标 >=20次/年，上年完成 11次（种子 000 展会）",
          indicators: [#"{"name": "展会", "weight": 7, "target": ">=20次/年", "lastYear": "11次/年"}"#],
          extra: #""kind": "project-target""#)
      ]),
  ]
}
