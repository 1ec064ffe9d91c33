# language: zh-CN
功能: C08 是否超越职权或滥用职权
  干净案卷：长治市市场监督管理局（市场监管领域）没收违法所得 120 元（认定违法所得 120 元），
  罚款 5 万元（法定上限 10 万元）；本机关可以采取的措施见 agency.measure_powers。
  示例 08：某市应急管理局查封仓库 30 日（行政强制）。

  场景: C08 在职权和法定幅度之内，符合
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C08-MEASURE-NOT-IN-POWERS”未触发
    而且 规则“C08-ABOVE-STATUTORY-MAX”未触发
    而且 规则“C08-DOUBLE-FINE”未触发
    而且 条目“C08”的结果为“符合”

  场景: C08 拟采取的措施不在本机关可采取的措施之内
    # 行政处罚法第十七条：在法定职权范围内实施
    假如 以干净的处罚案卷为基础
    而且 将“agency.measure_powers”设为 [warning, fine]
    当 进行法制审核
    那么 规则“C08-MEASURE-NOT-IN-POWERS”触发
    而且 审核结论为“不同意”
    而且 条目“C08”的结果为“不符合”

  场景: C08 未提供可采取的措施清单时不作判断
    假如 以干净的处罚案卷为基础
    而且 删除“agency.measure_powers”
    当 进行法制审核
    那么 规则“C08-MEASURE-NOT-IN-POWERS”未触发

  场景: C08 市场监管部门拟行政拘留
    # 行政处罚法第十八条第三款：限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0]”设为 {type: detention, duration_days: 5}
    当 进行法制审核
    那么 规则“C08-LIBERTY-NOT-POLICE”触发
    而且 审核结论为“不同意”

  场景: C08 公安机关拟行政拘留
    假如 以干净的处罚案卷为基础
    而且 将“agency.domain”设为 公安
    而且 将“decision.measures[0]”设为 {type: detention, duration_days: 5}
    当 进行法制审核
    那么 规则“C08-LIBERTY-NOT-POLICE”未触发

  场景: C08 罚款超过法定上限
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[1].amount”设为 100001
    当 进行法制审核
    那么 规则“C08-ABOVE-STATUTORY-MAX”触发
    而且 审核结论为“不同意”

  场景: C08 罚款等于法定上限
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[1].amount”设为 100000
    当 进行法制审核
    那么 规则“C08-ABOVE-STATUTORY-MAX”未触发

  场景: C08 没收数额超过认定的违法所得
    # 行政处罚法第二十八条第二款
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0].amount”设为 121
    当 进行法制审核
    那么 规则“C08-CONFISCATION-EXCEEDS-GAINS”触发
    而且 审核结论为“建议修改后再送审”

  场景: C08 没收数额等于认定的违法所得
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0].amount”设为 120
    当 进行法制审核
    那么 规则“C08-CONFISCATION-EXCEEDS-GAINS”未触发

  场景: C08 查封三十日符合法定期限
    # 行政强制法第二十五条第一款：不得超过三十日
    假如 以示例案卷“08”为基础
    当 进行法制审核
    那么 规则“C08-SEIZURE-NEEDS-EXTENSION”未触发
    而且 规则“C08-SEIZURE-OVER-LIMIT”未触发
    而且 条目“C08”的结果为“符合”

  场景: C08 查封三十一日需经批准延长
    假如 以示例案卷“08”为基础
    而且 将“decision.measures[0].duration_days”设为 31
    当 进行法制审核
    那么 规则“C08-SEIZURE-NEEDS-EXTENSION”触发
    而且 规则“C08-SEIZURE-OVER-LIMIT”未触发
    而且 审核结论为“建议修改后再送审”

  场景: C08 查封六十日为延长后的最长期限
    假如 以示例案卷“08”为基础
    而且 将“decision.measures[0].duration_days”设为 60
    当 进行法制审核
    那么 规则“C08-SEIZURE-OVER-LIMIT”未触发

  场景: C08 查封六十一日超过法定最长期限
    假如 以示例案卷“08”为基础
    而且 将“decision.measures[0].duration_days”设为 61
    当 进行法制审核
    那么 规则“C08-SEIZURE-OVER-LIMIT”触发
    而且 规则“C08-SEIZURE-NEEDS-EXTENSION”未触发
    而且 审核结论为“不同意”

  场景: C08 对同一违法行为处两次罚款
    # 行政处罚法第二十九条：一事不再罚款
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0]”设为 {type: fine, amount: 5000, statutory_min: 5000, statutory_max: 50000}
    当 进行法制审核
    那么 规则“C08-DOUBLE-FINE”触发
    而且 审核结论为“建议修改后再送审”
