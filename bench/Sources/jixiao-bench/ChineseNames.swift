/// The names of issue 19's second year, in the styles the seeds print (copied from Fixtures/*/table.json):
/// units in full-width brackets, long effect sentences with full-width punctuation, level names with and
/// without 指标. The duplicate-name check and level lookup see what real tables give them.
enum ChineseNames {
  /// Indicator names by level 2 (the generator's), each pool larger than a table takes from it.
  static let pools: [String: [String]] = [
    "数量指标": [
      "开展电子商务知识培训班", "补贴企业数量", "办公用品购置（批次）", "参加展会、培训、会议（批次）", "投资促进与推介活动数（次）",
      "洽谈项目签约数", "促成签约项目", "参加各类展会（批次）", "商务接待（批次）", "完成项目前期报告编制数量", "参加活动的企业数（个）",
      "评选昌吉州餐饮名食材数量", "参会人数（人）", "新增就业人数", "发放次数", "评选昌吉州餐饮名吃数量", "开展电商培训", "保障人数",
      "赴县市（园区）调研招商引资宣传政策讲解次数", "制作评选活动耗材数量", "新增规模以上工业企业", "举办消费品以旧换新行动启动仪式",
    ],
    "质量指标": [
      "耗材验收合格率", "外墙保温层铺设合格率", "人员考核合格率", "车辆正常运转率", "营商环境评价指标良好率", "公务用车使用率",
      "纠纷发生率", "招商引资到位资金率（%）", "油电混动电车节能高效",
    ],
    "时效指标": ["资金发放及时率", "资金支付及时率", "项目完成时间", "尾款支付完成时间", "培训完成时间", "完成工作正常运转及时转率"],
    "经济成本指标": [
      "商务接待费用（万元）", "办公费用（万元）", "招商引资信息化平台建设费用（万元）", "业务培训费用（万元）", "培训经费", "展位费",
      "参加各类展会、培训、会议费用（万元）", "电商人才交流培训经费", "办公楼维修改造实施资金额", "昌吉州美食大赛评选服务费", "人均发放标准",
    ],
    "社会效益指标": [
      "推进重点项目建设，为经济社会发展提供决策参考", "防范财政风险，提升政府公信力", "拉动消费，外贸提质增效；提高“新疆是个好地方”品牌美誉度",
      "帮助企业开拓国际市场，促进昌吉州外向型产业发展", "保障援疆干部",
    ],
    "经济效益指标": [
      "年内外贸进出口总额同比增长率", "社会消费品零售增长率（%）", "释放居民消费潜能，稳定和扩大家电消费", "赋能电商典型企业", "支持节能减排项目",
    ],
    "可持续影响指标": ["提升企业绿色发展意识和工业绿色发展水平", "奖励绿色制造体系建设单位", "汽车以旧换新", "保障保安保洁", "工作队工作经费"],
    "满意度指标": [
      "受益企业满意度", "参展参会企业满意度", "干部职工满意度", "参会企业满意度（%）", "重点商贸流通企业服务满意率", "受益群众满意度",
      "服务对象满意度",
    ],
  ]

  /// A level name as printed: mostly as the profile lists it, sometimes without 指标, with a space, or with a
  /// traditional form (as converted PDFs and old templates print them).
  static func printed(_ level: String, _ random: inout SplitMix) -> String {
    switch random.int(20) {
    case 0...2 where level.hasSuffix("指标") && level.count > 4: return String(level.dropLast(2))
    case 3: return level.replacingOccurrences(of: "指标", with: " 指标")
    case 4: return level.replacingOccurrences(of: "指标", with: "指標")
    default: return level
    }
  }
}

extension Generator {
  /// A name from the pool of `level2`, not used before in this table while the pool lasts.
  mutating func chineseName(level2: String, position: Int) -> String {
    var unused = unusedNames[level2] ?? ChineseNames.pools[level2] ?? []
    guard !unused.isEmpty else { return "\(level2)（第\(position)项）" }
    let name = unused.remove(at: random.int(unused.count))
    unusedNames[level2] = unused
    return name
  }

  /// About 1 % of rows defective as real tables are: a blank name, an unreadable cell, the name of the row
  /// before again, a weight printed `10（分）`.
  mutating func defect(name: inout String, target: inout String, actual: inout String, weight: inout String) {
    guard random.chance(0.01) else { return }
    switch random.int(4) {
    case 0: name = ""
    case 1: actual = ["≥%", "约１２.３.４万元", "2024年13月1日", "＞＝"][random.int(4)]
    case 2: name = previousName ?? name
    default: weight = "\"\(weight)（分）\""
    }
  }
}
