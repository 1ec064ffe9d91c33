# language: zh-CN
功能: C01 执法主体是否合法
  干净案卷：长治市市场监督管理局以本机关名义作出处罚，执法事项“对销售超过保质期食品的行政处罚”
  列在随案送审的权责清单（agency.powers）中，未受委托。
  示例 08：某市应急管理局以本机关名义查封仓库（行政强制）。

  场景: C01 执法事项在权责清单内、以本机关名义作出，符合
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C01-MATTER-NOT-IN-POWERS”未触发
    而且 规则“C01-POWERS-NOT-PROVIDED”未触发
    而且 规则“C01-ENTRUSTED-OWN-NAME”未触发
    而且 规则“C01-DECISION-IN-OTHER-NAME”未触发
    而且 条目“C01”的结果为“符合”

  场景: C01 执法事项不在本机关权责清单内
    # 行政处罚法第十七条：在法定职权范围内实施；无职权的决定不得作出
    假如 以干净的处罚案卷为基础
    而且 将“agency.powers”设为 [对销售不合格产品的行政处罚, 对未取得营业执照从事经营活动的行政处罚]
    当 进行法制审核
    那么 规则“C01-MATTER-NOT-IN-POWERS”触发
    而且 规则“C01-POWERS-NOT-PROVIDED”未触发
    而且 审核结论为“不同意”
    而且 条目“C01”的结果为“不符合”

  场景: C01 权责清单有多项、其中含本案执法事项
    假如 以干净的处罚案卷为基础
    而且 将“agency.powers”设为 [对销售不合格产品的行政处罚, 对销售超过保质期食品的行政处罚]
    当 进行法制审核
    那么 规则“C01-MATTER-NOT-IN-POWERS”未触发
    而且 条目“C01”的结果为“符合”

  场景: C01 未随案提供权责清单
    # 无清单无法核对职权：补充材料后再送审，不判为无职权
    假如 以干净的处罚案卷为基础
    而且 删除“agency.powers”
    当 进行法制审核
    那么 规则“C01-POWERS-NOT-PROVIDED”触发
    而且 规则“C01-MATTER-NOT-IN-POWERS”未触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C01”的结果为“不符合”

  场景: C01 受委托组织拟以自己的名义作出处罚
    # 行政处罚法第二十条第四款：受委托组织以委托行政机关名义实施行政处罚
    假如 以干净的处罚案卷为基础
    而且 将“agency.name”设为 长治市潞州区市场监管综合执法大队
    而且 将“agency.entrusted_by”设为 长治市市场监督管理局
    当 进行法制审核
    那么 规则“C01-ENTRUSTED-OWN-NAME”触发
    而且 规则“C01-DECISION-IN-OTHER-NAME”未触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C01”的结果为“不符合”

  场景: C01 受委托组织以委托机关名义作出处罚
    假如 以干净的处罚案卷为基础
    而且 将“agency.name”设为 长治市潞州区市场监管综合执法大队
    而且 将“agency.entrusted_by”设为 长治市市场监督管理局
    而且 将“agency.decision_in_name_of”设为 长治市市场监督管理局
    当 进行法制审核
    那么 规则“C01-ENTRUSTED-OWN-NAME”未触发
    而且 规则“C01-DECISION-IN-OTHER-NAME”未触发
    而且 规则“C01-COERCION-ENTRUSTED”未触发
    而且 条目“C01”的结果为“符合”

  场景: C01 受委托组织实施查封，即使以委托机关名义也不合法
    # 行政强制法第十七条第一款：行政强制措施权不得委托
    假如 以示例案卷“08”为基础
    而且 将“agency.name”设为 某市安全生产执法支队
    而且 将“agency.entrusted_by”设为 某市应急管理局
    而且 将“agency.decision_in_name_of”设为 某市应急管理局
    当 进行法制审核
    那么 规则“C01-COERCION-ENTRUSTED”触发
    而且 规则“C01-ENTRUSTED-OWN-NAME”未触发
    而且 审核结论为“不同意”
    而且 条目“C01”的结果为“不符合”

  场景: C01 应急管理局以本机关名义查封，符合
    假如 以示例案卷“08”为基础
    当 进行法制审核
    那么 规则“C01-COERCION-ENTRUSTED”未触发
    而且 条目“C01”的结果为“符合”

  场景: C01 受委托组织在处罚案件中拟扣押财物
    # 处罚案件中的扣押同样是行政强制措施（行政强制法第十七条第一款）
    假如 以干净的处罚案卷为基础
    而且 将“agency.name”设为 长治市潞州区市场监管综合执法大队
    而且 将“agency.entrusted_by”设为 长治市市场监督管理局
    而且 将“agency.decision_in_name_of”设为 长治市市场监督管理局
    而且 将“decision.measures[0]”设为 {type: impoundment, amount: 120, duration_days: 30}
    当 进行法制审核
    那么 规则“C01-COERCION-ENTRUSTED”触发

  场景: C01 未受委托却拟以其他机关名义作出决定
    # 行政处罚法第五十九条第二款：决定书盖作出决定的行政机关的印章
    假如 以干净的处罚案卷为基础
    而且 将“agency.decision_in_name_of”设为 长治市人民政府
    当 进行法制审核
    那么 规则“C01-DECISION-IN-OTHER-NAME”触发
    而且 规则“C01-ENTRUSTED-OWN-NAME”未触发
    而且 审核结论为“建议修改后再送审”

  场景: C01 明确写明以本机关名义作出决定
    假如 以干净的处罚案卷为基础
    而且 将“agency.decision_in_name_of”设为 长治市市场监督管理局
    当 进行法制审核
    那么 规则“C01-DECISION-IN-OTHER-NAME”未触发
    而且 条目“C01”的结果为“符合”
