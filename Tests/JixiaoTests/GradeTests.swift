import Testing

@testable import Jixiao

struct GradeTests {
  @Test func rankIsThePositionInAllCases() {
    for (position, grade) in Grade.allCases.enumerated() {
      #expect(grade.rank == position, "\(grade)")
    }
  }

  @Test func worseGradesAreLess() {
    #expect(Grade.poor < .fair && Grade.fair < .good && Grade.good < .excellent)
    #expect(!(Grade.excellent < .excellent))
  }

  @Test func transitionsSortByClaimedThenRecomputedWithUnclaimedLast() {
    let transitions = [
      BatchSummary.Transition(claimed: nil, recomputed: .excellent),
      BatchSummary.Transition(claimed: .good, recomputed: .poor),
      BatchSummary.Transition(claimed: .excellent, recomputed: .fair),
      BatchSummary.Transition(claimed: .good, recomputed: .good),
      BatchSummary.Transition(claimed: .excellent, recomputed: .excellent),
    ]
    #expect(
      transitions.sorted() == [
        BatchSummary.Transition(claimed: .excellent, recomputed: .excellent),
        BatchSummary.Transition(claimed: .excellent, recomputed: .fair),
        BatchSummary.Transition(claimed: .good, recomputed: .good),
        BatchSummary.Transition(claimed: .good, recomputed: .poor),
        BatchSummary.Transition(claimed: nil, recomputed: .excellent),
      ])
  }
}
