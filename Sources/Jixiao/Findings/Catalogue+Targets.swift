extension FindingCatalogue {
  static let targets: [FindingDescriptor] = [
    FindingDescriptor(
      code: .targetTooLow, severity: .warning,
      tag: "目标偏低",
      title: "完成率超过超额阈值，目标可能定得过低",
      explanation: "完成率高于方案的超额阈值（默认 130%）。默认方案只提示不扣分，并给出按偏离度扣分的参考得分。",
      triggering: [
        FindingExample(
          "目标 >=3条，实际 =12条，完成率 400%（种子 000 新增拆解线）",
          indicators: [#"{"name": "新增拆解线", "weight": 10, "target": ">=3条", "actual": "=12条"}"#])
      ],
      clean: [
        FindingExample(
          "目标 >=95%，实际 98.08%",
          indicators: [#"{"name": "满意度", "weight": 10, "target": ">=95%", "actual": "98.08%"}"#])
      ]),
    FindingDescriptor(
      code: .directionSuspect, severity: .warning,
      tag: "方向可疑",
      title: "指标方向可疑",
      explanation: "成本指标用“≥”、数量指标用“≤”：方向与指标性质相反，目标可能写错。",
      triggering: [
        FindingExample(
          "数量指标 <=600米（种子 004 线路改迁长度）",
          indicators: [
            #"{"level1": "产出指标", "level2": "数量指标", "name": "线路改迁长度", "weight": 15, "target": "<=600 米", "actual": "=515 米"}"#
          ]),
        FindingExample(
          "成本指标 >=10万元",
          indicators: [
            #"{"level1": "成本指标", "level2": "经济成本指标", "name": "会议费", "weight": 10, "target": ">=10万元", "actual": "10万元"}"#
          ]),
      ],
      clean: [
        FindingExample(
          "成本指标 <=52万元",
          indicators: [
            #"{"level1": "成本指标", "level2": "经济成本指标", "name": "平台维护费", "weight": 7, "target": "<=52万元", "actual": "=52万元"}"#
          ])
      ]),
    FindingDescriptor(
      code: .strictBoundary, severity: .warning,
      tag: "恰好等于",
      title: "严格不等式目标仅以相等达成",
      explanation: "目标为“>”或“<”，实际恰好等于目标值：严格说未达成，得分按完成率仍为满分。",
      triggering: [
        FindingExample(">90%，实际 90%", indicators: [#"{"name": "合格率", "weight": 10, "target": ">90%", "actual": "90%"}"#])
      ],
      clean: [
        FindingExample(">90%，实际 91%", indicators: [#"{"name": "合格率", "weight": 10, "target": ">90%", "actual": "91%"}"#])
      ]),
    FindingDescriptor(
      code: .completionMismatch, severity: .warning,
      tag: "完成率不符",
      title: "自评完成率与计算不符",
      explanation: "表上完成率与实际/目标计算值相差超过 0.5 个百分点（表上 100% 视为封顶，不与更高的计算值比较）。",
      triggering: [
        FindingExample(
          "目标 >=160亿元，实际 214.2亿元（133.88%），表上完成率 120%",
          indicators: [#"{"name": "零售额", "weight": 15, "target": ">=160亿元", "actual": "214.2亿元", "claimedCompletion": "120%"}"#])
      ],
      clean: [
        FindingExample(
          "完成率 133.88%",
          indicators: [
            #"{"name": "零售额", "weight": 15, "target": ">=160亿元", "actual": "214.2亿元", "claimedCompletion": "133.88%"}"#
          ]),
        FindingExample(
          "封顶写 100%",
          indicators: [#"{"name": "零售额", "weight": 15, "target": ">=160亿元", "actual": "214.2亿元", "claimedCompletion": "100"}"#]),
      ]),
    FindingDescriptor(
      code: .deadlineMissed, severity: .warning,
      tag: "逾期",
      title: "未在时限内完成",
      explanation: "实际日期晚于目标时限；默认方案下该项得 0 分（方案可设较小扣分比例）。",
      triggering: [
        FindingExample(
          "2024年10月30日前，实际 2024年12月10（种子 002 培训完成时间）",
          indicators: [
            #"{"name": "培训完成时间", "weight": 6, "target": "2024年10月30日前", "actual": "2024年12月10", "rule": "直接赋分", "claimedScore": 6}"#
          ])
      ],
      clean: [
        FindingExample(
          "2024年12月1日前，实际 2024年12月1日",
          indicators: [#"{"name": "完成时限", "weight": 10, "target": "=2024年12月1日前日", "actual": "2024年12月1日"}"#])
      ]),
    FindingDescriptor(
      code: .ruleMismatch, severity: .warning,
      tag: "规则不符",
      title: "赋分规则与目标类型不符",
      explanation: "“按比例”规则用于定性目标，或“评判等级”规则用于数值目标；按目标类型复核。",
      triggering: [
        FindingExample(
          "显著增加 + 按照完成比例赋分（种子 000 回收企业利润）",
          indicators: [#"{"name": "回收企业利润", "weight": 10, "target": "显著增加", "actual": "显著增加", "rule": "按照完成比例赋分"}"#]),
        FindingExample(
          ">=90% + 按评判等级赋分",
          indicators: [#"{"name": "合格率", "weight": 10, "target": ">=90%", "actual": "95%", "rule": "按评判等级赋分"}"#]),
      ],
      clean: [
        FindingExample(
          "有效促进 + 按评判等级赋分",
          indicators: [#"{"name": "开拓市场", "weight": 5, "target": "有效促进", "actual": "有效促进", "rule": "按评判等级赋分"}"#])
      ]),
    FindingDescriptor(
      code: .actualRestatesTarget, severity: .warning,
      tag: "照抄目标",
      title: "实际值照抄目标的比较符",
      explanation: "实际值写成“≥266米”之类：是在重复目标而不是报告实测值；按其数值计分并提示。",
      triggering: [
        FindingExample(">=266米，实际 ≥266米", indicators: [#"{"name": "长度", "weight": 10, "target": ">=266米", "actual": "≥266米"}"#])
      ],
      clean: [
        FindingExample(">=266米，实际 =266米", indicators: [#"{"name": "长度", "weight": 10, "target": ">=266米", "actual": "=266米"}"#])
      ]),
  ]
}
