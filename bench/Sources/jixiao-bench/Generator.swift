/// A deterministic synthetic year of tables whose mix follows the seeds: about 20 indicators a table
/// across 产出/成本/效益/满意度, the seeds' operators and units, money at several scales, a qualitative
/// share, deadlines, over-claims, and a few malformed cells. With `chineseNames`, the year of issue 19:
/// indicator and level names printed as the seeds print them (full-width brackets with units, level names
/// with and without 指标, a space or a traditional form now and then) and about 1 % defective rows.
struct Generator {
  var random: SplitMix
  /// Names as the seeds print them, and defective rows (`ChineseNames`).
  let chineseNames: Bool
  /// The names not yet used in the current table, by pool (a real table rarely repeats a name).
  var unusedNames: [String: [String]] = [:]
  /// The name of the indicator before, which a defective row repeats.
  var previousName: String?
  /// Whether the current table prints a 完成率 column (many real tables do not).
  private var printsCompletion = false
  let year = 2024

  init(seed: UInt64, chineseNames: Bool = false) {
    random = SplitMix(seed: seed)
    self.chineseNames = chineseNames
  }

  static let departments = [
    "工业和信息化局", "昌吉回族自治州商务局", "新疆维吾尔自治区商务厅", "高新区（新市区）商务局", "克孜勒苏柯尔克孜自治州商务局", "财政局", "教育局", "卫生健康委员会",
    "农业农村局", "交通运输局", "住房和城乡建设局", "文化体育广电和旅游局",
  ]
  static let quantityNames = ["举办培训班", "参加展会", "服务企业", "宣传报道", "新增规模以上工业企业", "开展招商活动", "完成检查", "发放补贴人次"]
  static let countUnits = ["次", "家", "个", "场", "篇", "人次", "次/年", "批次", "辆"]
  static let qualitative = [("有效促进", "有效促进"), ("显著提升", "达到预期指标"), ("长期推动", "长期推动"), ("有效", "有效"), ("明显改善", "基本达到预期")]

  mutating func table(index: Int) -> String {
    let department = Self.departments[random.int(Self.departments.count)]
    let overClaims = random.chance(0.25)
    printsCompletion = random.chance(0.3)
    unusedNames = [:]
    previousName = nil
    var indicators: [String] = []
    var weights = distribute(90, into: random.int(9) + 16)
    var claimedSum = 0.0
    for position in 0..<weights.count {
      let weight = weights[position]
      let (json, claimed) = indicator(position: position, count: weights.count, weight: weight, overClaims: overClaims)
      indicators.append(json)
      claimedSum += claimed
    }
    weights.removeAll()
    let budget = Double(random.int(500_000) + 500) / 100
    let executedShare = random.chance(0.8) ? 1.0 : Double(random.int(60) + 40) / 100
    let executed = (budget * executedShare * 100).rounded() / 100
    let fundsScore = min(10, (executed / budget * 1000).rounded() / 100)
    let claimedFunds = overClaims ? 10 : fundsScore
    let total = claimedSum + claimedFunds
    let funds =
      #"{"initialBudget":"\#(format(budget))","annualBudget":"\#(format(budget))","executed":"\#(format(executed))","weight":10,"claimedRate":"\#(format(executedShare * 100))%","claimedScore":"\#(format(claimedFunds))分","sources":[{"name":"当年财政拨款","initialBudget":"\#(format(budget))","annualBudget":"\#(format(budget))","executed":"\#(format(executed))"},{"name":"其他资金","initialBudget":"0","annualBudget":"0","executed":null}]}"#
    return
      #"{"id":"bench-\#(index)","kind":"project","year":\#(year),"name":"合成项目\#(index)","department":"\#(department)","implementer":"\#(department)","funds":\#(funds),"indicators":[\#(indicators.joined(separator: ","))],"claimedTotal":"\#(format(total))分","claimedGrade":null}"#
  }

  private mutating func indicator(position: Int, count: Int, weight: Int, overClaims: Bool) -> (String, Double) {
    let share = Double(position) / Double(count)
    let level1: String
    let level2: String
    var target: String
    var actual: String
    var rule = "按照完成比例赋分"
    var met = true
    switch share {
    case ..<0.45:
      level1 = "产出指标"
      switch random.int(10) {
      case 0...5:
        level2 = "数量指标"
        let unit = Self.countUnits[random.int(Self.countUnits.count)]
        let goal = random.int(200) + 1
        let done = random.chance(0.8) ? goal + random.int(goal / 4 + 1) : random.int(goal + 1)
        met = done >= goal
        target = random.chance(0.1) ? "不少于\(goal)\(unit)" : ">=\(goal)\(unit)"
        actual = "=\(done)\(unit)"
      case 6...8:
        level2 = "质量指标"
        let goal = [90, 95, 100, 98][random.int(4)]
        let done = random.chance(0.8) ? 100 : Int.random(in: 40...100, using: &random)
        met = done >= goal
        target = random.chance(0.5) ? "=\(goal)%" : "≥\(goal)%"
        actual = "=\(done)%"
      default:
        level2 = "时效指标"
        let month = random.int(12) + 1
        let lateBy = random.chance(0.2) ? random.int(60) + 1 : 0
        let day = min(28, random.int(28) + 1)
        target = "\(year)年\(month)月\(day)日前"
        let actualMonth = min(12, month + lateBy / 28)
        actual = "\(year)年\(actualMonth)月\(min(28, day + lateBy % 28))日"
        met = lateBy == 0
        rule = "直接赋分"
      }
    case ..<0.65:
      level1 = "成本指标"
      level2 = "经济成本指标"
      let scale = random.int(3)
      let unit = ["万元", "元", "亿元"][scale]
      let cap = Double(random.int(100_000) + 100) / 100
      let spent = random.chance(0.85) ? cap * Double(random.int(100) + 1) / 100 : cap * 1.1
      met = spent <= cap
      target = "<=\(format(cap))\(unit)"
      let actualUnit = random.chance(0.1) && scale == 0 ? "元" : unit
      let printed = actualUnit == unit ? spent : spent * 10_000
      actual = "=\(format(printed))\(actualUnit)"
    case ..<0.88:
      level1 = "效益指标"
      level2 = ["社会效益指标", "经济效益指标", "可持续影响指标"][random.int(3)]
      if random.chance(0.6) {
        let (goal, done) = Self.qualitative[random.int(Self.qualitative.count)]
        target = goal
        actual = random.chance(0.1) ? "部分完成" : done
        rule = "按评判等级赋分"
        met = !actual.hasPrefix("部分") && !actual.hasPrefix("基本")
      } else {
        let goal = random.int(30) + 1
        let done = Double(goal * 50 + random.int(goal * 80)) / 100
        met = done >= Double(goal)
        target = ">=\(goal)%"
        actual = "\(format(done))%"
      }
    default:
      level1 = "满意度指标"
      level2 = "满意度指标"
      let goal = [80, 85, 90, 95][random.int(4)]
      let done = Double(random.int(2000)) / 100 + 80
      met = done >= Double(goal)
      target = ">=\(goal)%"
      actual = "=\(format(done))%"
      rule = "满意度赋分"
    }
    if random.chance(0.01) { target = [">=", "≥%", "2024年2月30日前", "见附件"][random.int(4)] }
    if random.chance(0.01) { actual = ["", "/", "≥\(random.int(9))次", "详见报告"][random.int(4)] }
    let claimed = met || overClaims ? Double(weight) : Double(weight) * Double(random.int(100)) / 100
    var name =
      level1 == "产出指标" ? Self.quantityNames[random.int(Self.quantityNames.count)] + "\(position)" : "\(level2)\(position)"
    var shown = (level1: level1, level2: level2, weight: "\(weight)")
    if chineseNames {
      name = chineseName(level2: level2, position: position)
      shown.level1 = ChineseNames.printed(level1, &random)
      shown.level2 = ChineseNames.printed(level2, &random)
      defect(name: &name, target: &target, actual: &actual, weight: &shown.weight)
      previousName = name
    }
    let json =
      #"{"level1":"\#(shown.level1)","level2":"\#(shown.level2)","name":"\#(name)","weight":\#(shown.weight),"target":"\#(target)","actual":"\#(actual)",\#(printsCompletion && met ? #""claimedCompletion":"100%","# : "")"claimedScore":"\#(format(claimed))","rule":"\#(rule)","basis":"计划标准","lastYear":"/","evidence":"工作资料","explanation":null}"#
    return (json, (claimed * 100).rounded() / 100)
  }

  /// Splits `total` into `parts` positive whole weights.
  private mutating func distribute(_ total: Int, into parts: Int) -> [Int] {
    var weights = Array(repeating: total / parts, count: parts)
    for index in 0..<(total % parts) { weights[index] += 1 }
    for _ in 0..<parts {
      let from = random.int(parts)
      let to = random.int(parts)
      if weights[from] > 2 {
        weights[from] -= 1
        weights[to] += 1
      }
    }
    return weights
  }

  private func format(_ value: Double) -> String {
    let cents = Int((value * 100).rounded())
    let fraction = abs(cents) % 100
    return "\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }
}

struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(_ upper: Int) -> Int { Int(next() % UInt64(max(upper, 1))) }
  mutating func chance(_ probability: Double) -> Bool { Double(next() % 1_000_000) < probability * 1_000_000 }
}
