# language: zh-CN
功能: C04 证据是否确凿充分
  干净案卷的证据（evidence[i].proves 为拟证明的事实）：
    [0] 现场检查笔录（赵敏、钱进）：conduct、place、conduct_date
    [1] 询问笔录（赵敏、钱进）：conduct、illegal_gains、party
    [2] 销售记录及进货票据复印件：illegal_gains、amount_involved
    [3] 营业执照及身份证复印件：party
    [4] 现场检查执法记录仪视频（赵敏一人拍摄）：conduct、place
  全部依法取得、载明来源，笔录经当事人签名。

  场景: C04 每项事实都有依法取得的证据证明，符合
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C04-CONDUCT-UNPROVEN”未触发
    而且 规则“C04-PARTY-UNPROVEN”未触发
    而且 规则“C04-GAINS-UNPROVEN”未触发
    而且 规则“C04-TIME-PLACE-UNPROVEN”未触发
    而且 规则“C04-UNLAWFUL-EVIDENCE”未触发
    而且 规则“C04-EVIDENCE-UNSIGNED”未触发
    而且 规则“C04-RECORD-ONE-OFFICER”未触发
    而且 规则“C04-SOURCE-MISSING”未触发
    而且 条目“C04”的结果为“符合”

  场景: C04 排除非法证据后违法行为没有证据证明
    # 行政处罚法第四十六条第三款：非法证据不得作为定案根据；第四十条：证据不足的，不得给予行政处罚
    假如 以干净的处罚案卷为基础
    而且 将下列字段设为：
      | 字段                          | 值    |
      | evidence[0].lawfully_obtained | false |
      | evidence[1].lawfully_obtained | false |
      | evidence[4].lawfully_obtained | false |
    当 进行法制审核
    那么 规则“C04-CONDUCT-UNPROVEN”触发
    而且 规则“C04-UNLAWFUL-EVIDENCE”触发
    而且 审核结论为“不同意”
    而且 条目“C04”的结果为“不符合”

  场景: C04 排除非法证据后仍有询问笔录证明违法行为
    # 只需排除非法证据、补正：建议修改后再送审
    假如 以干净的处罚案卷为基础
    而且 将下列字段设为：
      | 字段                          | 值    |
      | evidence[0].lawfully_obtained | false |
      | evidence[4].lawfully_obtained | false |
    当 进行法制审核
    那么 规则“C04-CONDUCT-UNPROVEN”未触发
    而且 规则“C04-UNLAWFUL-EVIDENCE”触发
    而且 审核结论为“建议修改后再送审”

  场景: C04 没有证据证明当事人身份
    假如 以干净的处罚案卷为基础
    而且 将“evidence[1].proves”设为 [conduct, illegal_gains]
    而且 将“evidence[3].proves”设为 [amount_involved]
    当 进行法制审核
    那么 规则“C04-PARTY-UNPROVEN”触发
    而且 审核结论为“不同意”

  场景: C04 询问笔录不证明身份但有营业执照及身份证复印件
    假如 以干净的处罚案卷为基础
    而且 将“evidence[1].proves”设为 [conduct, illegal_gains]
    当 进行法制审核
    那么 规则“C04-PARTY-UNPROVEN”未触发

  场景: C04 认定的违法所得没有证据证明
    # 行政处罚法第四十六条第二款：证据必须经查证属实，方可作为认定案件事实的根据
    假如 以干净的处罚案卷为基础
    而且 将“evidence[1].proves”设为 [conduct, party]
    而且 将“evidence[2].proves”设为 [amount_involved]
    当 进行法制审核
    那么 规则“C04-GAINS-UNPROVEN”触发
    而且 审核结论为“建议修改后再送审”

  场景: C04 违法所得仅由销售记录证明
    假如 以干净的处罚案卷为基础
    而且 将“evidence[1].proves”设为 [conduct, party]
    当 进行法制审核
    那么 规则“C04-GAINS-UNPROVEN”未触发

  场景: C04 违法行为发生日期没有证据证明
    假如 以干净的处罚案卷为基础
    而且 将“evidence[0].proves”设为 [conduct, place]
    当 进行法制审核
    那么 规则“C04-TIME-PLACE-UNPROVEN”触发
    而且 审核结论为“建议修改后再送审”

  场景: C04 现场检查笔录不证明地点但有执法记录仪视频证明
    假如 以干净的处罚案卷为基础
    而且 将“evidence[0].proves”设为 [conduct, conduct_date]
    当 进行法制审核
    那么 规则“C04-TIME-PLACE-UNPROVEN”未触发

  场景: C04 违法行为地点没有证据证明
    假如 以干净的处罚案卷为基础
    而且 将“evidence[0].proves”设为 [conduct, conduct_date]
    而且 将“evidence[4].proves”设为 [conduct]
    当 进行法制审核
    那么 规则“C04-TIME-PLACE-UNPROVEN”触发

  场景: C04 询问笔录未经当事人签名
    # 行政处罚法第五十五条第二款：询问或者检查应当制作笔录
    假如 以干净的处罚案卷为基础
    而且 将“evidence[1].signed”设为 false
    当 进行法制审核
    那么 规则“C04-EVIDENCE-UNSIGNED”触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C04”的结果为“不符合”

  场景: C04 书证复印件未签名不属于笔录签名要求
    假如 以干净的处罚案卷为基础
    而且 将“evidence[2].signed”设为 false
    当 进行法制审核
    那么 规则“C04-EVIDENCE-UNSIGNED”未触发

  场景: C04 询问笔录只有一名执法人员
    # 行政处罚法第四十二条第一款：执法人员不得少于两人
    假如 以干净的处罚案卷为基础
    而且 将“evidence[1].collected_by”设为 [赵敏]
    当 进行法制审核
    那么 规则“C04-RECORD-ONE-OFFICER”触发
    而且 审核结论为“建议修改后再送审”

  场景: C04 执法记录仪视频由一人拍摄
    假如 以干净的处罚案卷为基础
    而且 将“evidence[4].collected_by”设为 [钱进]
    当 进行法制审核
    那么 规则“C04-RECORD-ONE-OFFICER”未触发

  场景: C04 证据未载明来源
    假如 以干净的处罚案卷为基础
    而且 删除“evidence[2].source”
    当 进行法制审核
    那么 规则“C04-SOURCE-MISSING”触发
    而且 审核结论为“建议修改后再送审”
