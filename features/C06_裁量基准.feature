# language: zh-CN
功能: C06 裁量基准是否适当
  干净案卷：对个人李明（40 周岁）罚款 5 万元，法定幅度 5 万至 10 万元（食品安全法第一百二十四条），
  裁量基准从轻档 5 万至 6.5 万元，裁量档次为从轻处罚，写有两条理由。
  decision.measures[1] 是罚款，parties[0] 是当事人。

  场景: C06 在基准档次内从轻处罚且写明理由，符合
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C06-FINE-OUTSIDE-BENCHMARK”未触发
    而且 规则“C06-REASONS-MISSING”未触发
    而且 条目“C06”的结果为“符合”

  场景: C06 罚款高于裁量基准档次上限
    # 行政处罚法第三十四条：依裁量基准规范行使裁量权
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[1].amount”设为 65001
    当 进行法制审核
    那么 规则“C06-FINE-OUTSIDE-BENCHMARK”触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C06”的结果为“不符合”

  场景: C06 罚款等于裁量基准档次上限
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[1].amount”设为 65000
    当 进行法制审核
    那么 规则“C06-FINE-OUTSIDE-BENCHMARK”未触发
    而且 审核结论为“同意”

  场景: C06 未适用减轻处罚却低于法定下限
    # 行政处罚法第三十二条：低于法定下限须有减轻处罚的情节
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[1].amount”设为 49999
    当 进行法制审核
    那么 规则“C06-FINE-BELOW-STATUTORY-MIN”触发
    而且 规则“C06-FINE-OUTSIDE-BENCHMARK”触发

  场景: C06 减轻处罚时可以低于法定下限
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[1].amount”设为 30000
    而且 将“decision.discretion.tier”设为 mitigated
    当 进行法制审核
    那么 规则“C06-FINE-BELOW-STATUTORY-MIN”未触发
    而且 规则“C06-FINE-OUTSIDE-BENCHMARK”未触发

  场景: C06 从轻处罚没有写明理由
    # 行政处罚法第五条第二款：过罚相当
    假如 以干净的处罚案卷为基础
    而且 删除“decision.discretion.reasons”
    当 进行法制审核
    那么 规则“C06-REASONS-MISSING”触发
    而且 审核结论为“建议修改后再送审”

  场景: C06 一般处罚不要求另写从轻从重理由
    假如 以干净的处罚案卷为基础
    而且 删除“decision.discretion.reasons”
    而且 将“decision.discretion.tier”设为 standard
    当 进行法制审核
    那么 规则“C06-REASONS-MISSING”未触发

  场景: C06 对十三周岁的未成年人给予罚款
    # 行政处罚法第三十条：不满十四周岁不予处罚
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].age”设为 13
    当 进行法制审核
    那么 规则“C06-CHILD-PENALISED”触发
    而且 审核结论为“不同意”

  场景: C06 对十三周岁的未成年人不予处罚
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].age”设为 13
    而且 将“decision.discretion.tier”设为 none
    当 进行法制审核
    那么 规则“C06-CHILD-PENALISED”未触发

  场景: C06 已满十四周岁按一般处罚未从轻
    # 行政处罚法第三十条：已满十四周岁不满十八周岁应当从轻或者减轻
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].age”设为 14
    而且 将“decision.discretion.tier”设为 standard
    当 进行法制审核
    那么 规则“C06-CHILD-PENALISED”未触发
    而且 规则“C06-MINOR-NOT-LENIENT”触发
    而且 审核结论为“建议修改后再送审”

  场景: C06 十七周岁的未成年人已从轻处罚
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].age”设为 17
    当 进行法制审核
    那么 规则“C06-MINOR-NOT-LENIENT”未触发

  场景: C06 已满十八周岁按一般处罚
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].age”设为 18
    而且 将“decision.discretion.tier”设为 standard
    当 进行法制审核
    那么 规则“C06-MINOR-NOT-LENIENT”未触发

  场景: C06 对不能辨认自己行为的人给予罚款
    # 行政处罚法第三十一条
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].mental_condition”设为 none
    当 进行法制审核
    那么 规则“C06-INCAPABLE-PENALISED”触发
    而且 审核结论为“不同意”

  场景: C06 尚未完全丧失辨认能力的人可以处罚
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].mental_condition”设为 limited
    当 进行法制审核
    那么 规则“C06-INCAPABLE-PENALISED”未触发

  场景: C06 首违轻微仍予处罚只作提示
    # 行政处罚法第三十三条第一款：初次违法且危害后果轻微并及时改正的，可以不予行政处罚
    假如 以干净的处罚案卷为基础
    而且 将“decision.discretion.first_offence_minor”设为 true
    当 进行法制审核
    那么 规则“C06-FIRST-OFFENCE-MINOR”触发
    而且 审核结论为“同意”
    而且 条目“C06”的结果为“符合”

  场景: C06 首违轻微决定不予处罚
    假如 以干净的处罚案卷为基础
    而且 将“decision.discretion.first_offence_minor”设为 true
    而且 将“decision.discretion.tier”设为 none
    当 进行法制审核
    那么 规则“C06-FIRST-OFFENCE-MINOR”未触发
