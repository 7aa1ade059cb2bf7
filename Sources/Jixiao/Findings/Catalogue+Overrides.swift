extension FindingCatalogue {
  /// Raised on a 复核 workbook read back (`jixiao rescore 复核.xlsx`): the reviewer's decisions.
  static let overrides: [FindingDescriptor] = [
    FindingDescriptor(
      code: .reviewOverride, severity: .info,
      tag: "复核调整",
      title: "复核人员调整了该项得分",
      explanation:
        "复核工作簿的“复核调整得分”填了 0 至权重之间的分数，并写了“复核意见”：该项按复核人员的分数计入总分，等级和汇总随之变化；"
        + "jixiao 的复核得分仍保留在结果中（JSON 的 score 与 review，工作簿的“复核得分”与“复核调整得分”）。",
      triggering: [
        FindingExample(
          "jixiao 复核 80 分，复核人员调整为 70 分", reviewSheet: ExampleWorkbook.reviewSheet(indicator: "70,按佐证资料核减"))
      ],
      clean: [
        FindingExample("复核人员未调整", reviewSheet: ExampleWorkbook.reviewSheet(indicator: ","))
      ]),
    FindingDescriptor(
      code: .reviewOverrideInvalid, severity: .error,
      tag: "调整无效",
      title: "复核调整得分不是数字或超出 0 至权重",
      explanation:
        "“复核调整得分”必须是 0 至该项权重之间的分数（两位小数，多出的四舍五入）。不是数字、小于 0、大于权重，或该项没有可读的权重时，"
        + "调整不予采用，该项仍按 jixiao 的复核得分计；发现指出单元格（如 复核!L2），改正后再复核。",
      triggering: [
        FindingExample("权重 100 分，调整为 120 分", reviewSheet: ExampleWorkbook.reviewSheet(indicator: "120,超出权重")),
        FindingExample("调整得分写成文字", reviewSheet: ExampleWorkbook.reviewSheet(indicator: "很好,完成较好")),
      ],
      clean: [
        FindingExample("调整为 0 分", reviewSheet: ExampleWorkbook.reviewSheet(indicator: "0,无佐证资料"))
      ]),
    FindingDescriptor(
      code: .reviewOverrideNoReason, severity: .error,
      tag: "缺复核意见",
      title: "复核调整得分没有复核意见",
      explanation: "每一项调整都要在同一行的“复核意见”中写明理由；没有理由的调整不予采用，该项仍按 jixiao 的复核得分计。",
      triggering: [
        FindingExample("调整为 70 分，复核意见为空", reviewSheet: ExampleWorkbook.reviewSheet(indicator: "70,"))
      ],
      clean: [
        FindingExample("调整为 70 分并写明理由", reviewSheet: ExampleWorkbook.reviewSheet(indicator: "70,按佐证资料核减"))
      ]),
    FindingDescriptor(
      code: .reviewOverrideMisplaced, severity: .warning,
      tag: "调整位置",
      title: "复核调整写在不能调整的行",
      explanation:
        "总分行、资金来源行和绩效目标表的行不接受“复核调整得分”：总分由各项得分（有调整的按调整后）相加，资金来源和目标表不评分。"
        + "这样的调整不予采用；请调整对应项目的得分。",
      triggering: [
        FindingExample(
          "在总分行填了 90 分", at: nil, reviewSheet: ExampleWorkbook.reviewSheet(indicator: ",", total: "90,直接调总分"))
      ],
      clean: [
        FindingExample("在指标行调整", at: nil, reviewSheet: ExampleWorkbook.reviewSheet(indicator: "70,按佐证资料核减"))
      ]),
  ]
}
