import Testing

@testable import Jixiao

@Suite struct PageNumberTests {
  @Test func bothReadersTellThePrintedPageNumbersAndOnlyThePageEdgeTakesABareNumber() {
    for printed in ["- 6 -", "—6—", "– 6 –", "－12－", "第 6 页", "第6页"] {
      #expect(PageNumber.isPrinted(onAnyLine: printed), "\(printed)")
    }
    for printed in ["- 6 -", "—6—", "第 6 页", "6", "6/10", "第6页 共10页", "Page 6"] {
      #expect(PageNumber.isPrinted(atPageEdge: printed), "\(printed)")
    }
    // A line holding only a number is as often a weight wrapped below its row: only its place at a
    // page's edge makes it a page number.
    for printed in ["6", "84.99", "6/10", "Page 6"] { #expect(!PageNumber.isPrinted(onAnyLine: printed), "\(printed)") }
    for printed in ["", "第一页", "- 六 -", "总分 100", "项目资金 10", "2023年度"] {
      #expect(!PageNumber.isPrinted(onAnyLine: printed), "\(printed)")
      #expect(!PageNumber.isPrinted(atPageEdge: printed), "\(printed)")
    }
  }
}
