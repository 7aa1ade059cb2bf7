import Testing

@testable import Jixiao

/// When the split between an explanation wrapped below its row and the next row's wrapped name is certain
/// (`ExplanationNameSplit`): the name's first line too wide for the explanation's column, no line of the
/// explanation as wide as a full line of the name.
@Suite struct ExplanationNameSplitTests {
  /// Pieces one a line, from line 1 on.
  func pieces(_ lines: [String], from first: Int = 1) -> ArraySlice<FlowingCells.Piece> {
    ArraySlice(
      lines.enumerated().map { offset, text in
        FlowingCells.Piece(text: text, line: DocumentText.Line(number: first + offset, page: 1, text: text))
      })
  }

  let explanation = ["资金支付正在", "走支付流程，", "计划 2024 年", "支付"]

  /// Seed 004 line 1495: `资金支付正在` wrapped before `走`, so its column holds fewer than seven ideographs;
  /// `新疆磐基实业有限公` holds nine.
  @Test func aNameWiderThanTheExplanationsColumnIsCertain() {
    #expect(ExplanationNameSplit.isCertain(explanation: pieces(explanation), name: pieces(["新疆磐基实业有限公", "司奖励标准"], from: 5)))
    // Full-width punctuation counts half an ideograph at least: `补贴标准（中小企` is 7.5 ideographs wide.
    #expect(
      ExplanationNameSplit.isCertain(
        explanation: pieces(["资金正在进", "行审批，计", "划 2024 年", "支付"]), name: pieces(["补贴标准（中小企", "业）"], from: 5)))
  }

  /// A name on one line need not fill its column: its width says nothing.
  @Test func aNameOnOneLineStaysInDoubt() {
    #expect(!ExplanationNameSplit.isCertain(explanation: pieces(explanation), name: pieces(["项目完成时间"], from: 5)))
  }

  /// A name's first line that could fit the explanation's column may be that column's.
  @Test func aNameNoWiderThanTheColumnStaysInDoubt() {
    #expect(!ExplanationNameSplit.isCertain(explanation: pieces(explanation), name: pieces(["补贴标准发放", "到位率"], from: 5)))
  }

  /// Without a line wrapped before an ideograph the column's width is not bounded (a line may wrap early
  /// before punctuation, which cannot open a line).
  @Test func anUnboundedColumnStaysInDoubt() {
    #expect(
      !ExplanationNameSplit.isCertain(
        explanation: pieces(["资金支付", "，正在走", "支付"]), name: pieces(["新疆磐基实业有限公", "司奖励标准"], from: 4)))
  }

  /// An explanation line as wide as the name's full line could be the name's own first line.
  @Test func anExplanationLineAsWideAsTheNameStaysInDoubt() {
    #expect(
      !ExplanationNameSplit.isCertain(
        explanation: pieces(["资金支付正在", "走支付流程WWWWW", "支付"]), name: pieces(["新疆磐基实业有限公", "司奖励标准"], from: 4)))
  }
}
