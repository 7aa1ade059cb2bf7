extension FindingCatalogue {
  static let scoring: [FindingDescriptor] = [
    FindingDescriptor(
      code: .scoreOverClaimed, severity: .error,
      tag: "多报",
      title: "指标自评得分高于复核得分",
      explanation: "自评得分比按规则复核的得分高出 0.005 分以上（容差为方案值）。",
      triggering: [
        FindingExample(
          "目标 >=5%，实际 0.1%，自评 25/25（种子 004 规模以上工业增加值增长率）",
          indicators: [#"{"name": "规模以上工业增加值增长率", "weight": 25, "target": ">=5%", "actual": "0.1%", "claimedScore": 25}"#]),
        FindingExample(
          "预算执行率 86%，自评满分",
          at: "funds",
          indicators: [#"{"name": "指标", "weight": 90, "target": ">=1次", "actual": "=1次", "claimedScore": 90}"#],
          funds: #"{"annualBudget": "100", "executed": "86", "weight": 10, "claimedScore": 10}"#),
      ],
      clean: [
        FindingExample(
          "目标 >=20次/年，实际 =20次/年，自评满分",
          indicators: [#"{"name": "展会", "weight": 7, "target": ">=20次/年", "actual": "=20次/年", "claimedScore": 7}"#])
      ]),
    FindingDescriptor(
      code: .scoreUnderClaimed, severity: .info,
      tag: "少报",
      title: "指标自评得分低于复核得分",
      explanation: "自评得分比复核得分低 0.005 分以上：单位少报了分，提示复核人员。",
      triggering: [
        FindingExample(
          "目标 <=600米，实际 =515米，自评 12.87/15（种子 004 线路改迁长度）",
          indicators: [
            #"{"level1": "产出指标", "level2": "数量指标", "name": "线路改迁长度", "weight": 15, "target": "<=600 米", "actual": "=515 米", "claimedScore": 12.87}"#
          ])
      ],
      clean: [
        FindingExample(
          "目标 <=1万元/月，实际 =1.1万元/月，自评 18.18/20（种子 004 人均发放标准）",
          indicators: [#"{"name": "人均发放标准", "weight": 20, "target": "<=1万元/月", "actual": "=1.1万元/月", "claimedScore": 18.18}"#])
      ]),
  ]

  static let totals: [FindingDescriptor] = [
    FindingDescriptor(
      code: .totalOverClaimed, severity: .error,
      tag: "总分多报",
      title: "自评总分高于复核总分",
      explanation:
        "自评总分比复核总分（各项四舍五入后得分之和）高出 0.005 分以上。权重合计不是 100 时（weights.sum）两者不在同一百分制上，不作比较。",
      triggering: [
        FindingExample(
          "一项多报 24.5 分，总分随之多报", at: nil,
          indicators: [
            #"{"name": "增长率", "weight": 25, "target": ">=5%", "actual": "0.1%", "claimedScore": 25}"#,
            #"{"name": "次数", "weight": 65, "target": ">=1次", "actual": "1次", "claimedScore": 65}"#,
          ],
          funds: #"{"annualBudget": "100", "executed": "100", "weight": 10, "claimedScore": 10}"#,
          extra: #""claimedTotal": "100.00分""#)
      ],
      clean: [
        FindingExample(
          "总分与复核一致", at: nil,
          indicators: [
            #"{"name": "增长率", "weight": 25, "target": ">=5%", "actual": "0.1%", "claimedScore": 0.5}"#,
            #"{"name": "次数", "weight": 65, "target": ">=1次", "actual": "1次", "claimedScore": 65}"#,
          ],
          funds: #"{"annualBudget": "100", "executed": "100", "weight": 10, "claimedScore": 10}"#,
          extra: #""claimedTotal": "75.50分""#),
        FindingExample(
          "权重合计 110：总分不比较", at: nil,
          indicators: [
            #"{"name": "增长率", "weight": 35, "target": ">=5%", "actual": "0.1%", "claimedScore": 35}"#,
            #"{"name": "次数", "weight": 65, "target": ">=1次", "actual": "1次", "claimedScore": 65}"#,
          ],
          funds: #"{"annualBudget": "100", "executed": "100", "weight": 10, "claimedScore": 10}"#,
          extra: #""claimedTotal": "110.00分""#),
      ]),
    FindingDescriptor(
      code: .gradeInflated, severity: .error,
      tag: "等级虚高",
      title: "自评等级高于复核等级",
      explanation: "按复核总分定出的等级低于自评等级（未填等级时按自评总分定级）。权重合计不是 100 时不按复核总分定级，也就不比较。",
      triggering: [
        FindingExample(
          "自评 100 分“优”，复核 10.00 分“差”", at: nil,
          indicators: [#"{"name": "增长率", "weight": 100, "target": ">=10%", "actual": "1%", "claimedScore": 100}"#],
          extra: #""claimedTotal": 100, "claimedGrade": "优""#)
      ],
      clean: [
        FindingExample(
          "复核后仍为“优”", at: nil,
          indicators: [#"{"name": "增长率", "weight": 100, "target": ">=10%", "actual": "9.5%", "claimedScore": 100}"#],
          extra: #""claimedTotal": 100, "claimedGrade": "优""#),
        FindingExample(
          "权重合计 120：不定复核等级", at: nil,
          indicators: [#"{"name": "增长率", "weight": 120, "target": ">=10%", "actual": "1%", "claimedScore": 100}"#],
          extra: #""claimedTotal": 100, "claimedGrade": "优""#),
      ]),
    FindingDescriptor(
      code: .totalArithmetic, severity: .error,
      tag: "总分不符",
      title: "自评总分不等于各项自评得分之和",
      explanation: "各项（含预算执行）均填有自评得分时，其和与自评总分相差超过 0.005 分。",
      triggering: [
        FindingExample(
          "两项各 50 分，总分填 95", at: nil,
          indicators: [
            #"{"name": "甲", "weight": 50, "target": ">=1次", "actual": "1次", "claimedScore": 50}"#,
            #"{"name": "乙", "weight": 50, "target": ">=1次", "actual": "1次", "claimedScore": 50}"#,
          ],
          extra: #""claimedTotal": 95"#)
      ],
      clean: [
        FindingExample(
          "两项各 50 分，总分 100", at: nil,
          indicators: [
            #"{"name": "甲", "weight": 50, "target": ">=1次", "actual": "1次", "claimedScore": 50}"#,
            #"{"name": "乙", "weight": 50, "target": ">=1次", "actual": "1次", "claimedScore": 50}"#,
          ],
          extra: #""claimedTotal": 100"#)
      ]),
    FindingDescriptor(
      code: .gradeMismatch, severity: .warning,
      tag: "等级不符",
      title: "自评等级与自评总分不符",
      explanation: "表上填的等级不是自评总分按方案分数线应得的等级。",
      triggering: [
        FindingExample(
          "总分 85 却填“优”", at: nil,
          indicators: [#"{"name": "甲", "weight": 100, "target": ">=1次", "actual": "1次", "claimedScore": 85}"#],
          extra: #""claimedTotal": 85, "claimedGrade": "优""#)
      ],
      clean: [
        FindingExample(
          "总分 85 填“良”", at: nil,
          indicators: [#"{"name": "甲", "weight": 100, "target": ">=1次", "actual": "1次", "claimedScore": 85}"#],
          extra: #""claimedTotal": 85, "claimedGrade": "良""#)
      ]),
  ]
}
