# language: zh-CN
功能: C07 程序是否合法
  干净案卷：违法行为 2025-03-01，立案 2025-03-03，2025-04-14（周一）送达事先告知书并告知听证权利，
  2025-04-17 听取陈述申辩，2025-04-25 送审，拟 2025-05-09 作出决定；对个人罚款 5 万元，
  达到全国档案听证“较大数额”（个人 5,000 元以上，含本数）。
  “五日”“七日”为工作日（行政处罚法第八十五条）：2025 年 4 月 27 日（周日）为劳动节调休上班日。

  场景: C07 程序完整的案卷符合
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C07-NO-NOTICE-OF-INTENT”未触发
    而且 规则“C07-HEARING-RIGHTS-AMOUNT”未触发
    而且 规则“C07-DECISION-OVERDUE”未触发
    而且 条目“C07”的结果为“符合”

  场景: C07 未送达事先告知书
    # 行政处罚法第四十四条、第六十二条
    假如 以干净的处罚案卷为基础
    而且 删除“timeline.notice_of_intent”
    而且 删除“timeline.statement_heard”
    当 进行法制审核
    那么 规则“C07-NO-NOTICE-OF-INTENT”触发
    而且 规则“C07-STATEMENT-NOT-HEARD”未触发
    而且 规则“C07-HEARING-RIGHTS-AMOUNT”未触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C07”的结果为“不符合”

  场景: C07 已告知但未听取陈述申辩
    # 行政处罚法第四十五条第一款
    假如 以干净的处罚案卷为基础
    而且 删除“timeline.statement_heard”
    当 进行法制审核
    那么 规则“C07-STATEMENT-NOT-HEARD”触发
    而且 审核结论为“建议修改后再送审”

  场景: C07 当事人明确放弃陈述申辩
    假如 以干净的处罚案卷为基础
    而且 删除“timeline.statement_heard”
    而且 将“timeline.statement_waived”设为 true
    当 进行法制审核
    那么 规则“C07-STATEMENT-NOT-HEARD”未触发

  场景: C07 罚款五千元未告知听证权利
    # 行政处罚法第六十三条第一款第（一）项；全国档案个人 5,000 元以上（含本数）为较大数额
    假如 以干净的处罚案卷为基础
    而且 将“timeline.hearing_rights_notified”设为 false
    而且 将“decision.measures[1].amount”设为 5000
    当 进行法制审核
    那么 规则“C07-HEARING-RIGHTS-AMOUNT”触发
    而且 审核结论为“建议修改后再送审”

  场景: C07 罚款不足五千元不必告知听证权利
    假如 以干净的处罚案卷为基础
    而且 将“timeline.hearing_rights_notified”设为 false
    而且 将“decision.measures[1].amount”设为 4999
    当 进行法制审核
    那么 规则“C07-HEARING-RIGHTS-AMOUNT”未触发

  场景: C07 责令停产停业未告知听证权利
    # 行政处罚法第六十三条第一款第（四）项
    假如 以干净的处罚案卷为基础
    而且 将“timeline.hearing_rights_notified”设为 false
    而且 将“decision.measures[0]”设为 {type: suspend_business, duration_days: 30}
    当 进行法制审核
    那么 规则“C07-HEARING-RIGHTS-MEASURE”触发

  场景: C07 责令停产停业已告知听证权利
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0]”设为 {type: suspend_business, duration_days: 30}
    当 进行法制审核
    那么 规则“C07-HEARING-RIGHTS-MEASURE”未触发

  场景: C07 告知后第五个工作日要求听证而未举行
    # 行政处罚法第六十四条第（一）项：告知后五日内提出；4 月 14 日告知，4 月 21 日为第五个工作日
    假如 以干净的处罚案卷为基础
    而且 将“timeline.hearing_requested”设为 2025-04-21
    当 进行法制审核
    那么 规则“C07-HEARING-NOT-HELD”触发
    而且 审核结论为“建议修改后再送审”

  场景: C07 告知后第六个工作日才要求听证，可不组织
    假如 以干净的处罚案卷为基础
    而且 将“timeline.hearing_requested”设为 2025-04-22
    当 进行法制审核
    那么 规则“C07-HEARING-NOT-HELD”未触发

  场景: C07 听证通知后第六个工作日（调休日）即举行听证
    # 行政处罚法第六十四条第（二）项：举行听证的七日前通知；4 月 18 日通知，4 月 27 日（调休上班）为第六个工作日
    假如 以干净的处罚案卷为基础
    而且 将“timeline.hearing_requested”设为 2025-04-15
    而且 将“timeline.hearing_notice”设为 2025-04-18
    而且 将“timeline.hearing_held”设为 2025-04-27
    而且 将“timeline.submitted_for_review”设为 2025-04-30
    当 进行法制审核
    那么 规则“C07-HEARING-NOTICE-LATE”触发
    而且 规则“C07-HEARING-NOT-HELD”未触发

  场景: C07 听证通知后第七个工作日举行听证
    假如 以干净的处罚案卷为基础
    而且 将“timeline.hearing_requested”设为 2025-04-15
    而且 将“timeline.hearing_notice”设为 2025-04-18
    而且 将“timeline.hearing_held”设为 2025-04-28
    而且 将“timeline.submitted_for_review”设为 2025-04-30
    当 进行法制审核
    那么 规则“C07-HEARING-NOTICE-LATE”未触发
    而且 规则“C07-HEARING-NOT-HELD”未触发

  场景: C07 告知后第五个工作日即拟作出决定
    # 行政处罚法第六十四条第（一）项：第五个工作日当天当事人仍可要求听证
    假如 以干净的处罚案卷为基础
    而且 将“timeline.submitted_for_review”设为 2025-04-18
    而且 拟作出决定日期为 2025-04-21
    当 进行法制审核
    那么 规则“C07-DECISION-IN-HEARING-WINDOW”触发

  场景: C07 听证申请期限届满后拟作出决定
    假如 以干净的处罚案卷为基础
    而且 将“timeline.submitted_for_review”设为 2025-04-18
    而且 拟作出决定日期为 2025-04-22
    当 进行法制审核
    那么 规则“C07-DECISION-IN-HEARING-WINDOW”未触发

  场景: C07 立案后第九十一日拟作出决定
    # 行政处罚法第六十条：自立案之日起九十日内；2025-03-03 立案，第九十日为 2025-06-01
    假如 以干净的处罚案卷为基础
    而且 拟作出决定日期为 2025-06-02
    当 进行法制审核
    那么 规则“C07-DECISION-OVERDUE”触发
    而且 条目“C07”的结果为“不符合”

  场景: C07 立案后第九十日拟作出决定
    假如 以干净的处罚案卷为基础
    而且 拟作出决定日期为 2025-06-01
    当 进行法制审核
    那么 规则“C07-DECISION-OVERDUE”未触发

  场景: C07 违法行为两年后才立案
    # 行政处罚法第三十六条：二年内未被发现的，不再给予行政处罚
    假如 以干净的处罚案卷为基础
    而且 将“facts.conduct_date”设为 2023-03-02
    当 进行法制审核
    那么 规则“C07-LIMITATION-EXPIRED”触发
    而且 审核结论为“不同意”

  场景: C07 违法行为两周年当日立案仍在期限内
    假如 以干净的处罚案卷为基础
    而且 将“facts.conduct_date”设为 2023-03-03
    当 进行法制审核
    那么 规则“C07-LIMITATION-EXPIRED”未触发

  场景: C07 涉及生命健康安全且有危害后果的，追责期限为五年
    假如 以干净的处罚案卷为基础
    而且 将“facts.conduct_date”设为 2023-03-02
    而且 将“facts.harms_life_health_or_finance”设为 true
    当 进行法制审核
    那么 规则“C07-LIMITATION-EXPIRED”未触发
    而且 规则“C07-LIMITATION-EXPIRED-EXTENDED”未触发

  场景: C07 涉及生命健康安全的违法行为满五年后才立案
    假如 以干净的处罚案卷为基础
    而且 将“facts.conduct_date”设为 2020-03-02
    而且 将“facts.harms_life_health_or_finance”设为 true
    当 进行法制审核
    那么 规则“C07-LIMITATION-EXPIRED-EXTENDED”触发
    而且 审核结论为“不同意”

  场景: C07 情节复杂的案件提示集体讨论
    # 行政处罚法第五十七条第二款；集体讨论在审核之后进行，只作提示
    假如 以干净的处罚案卷为基础
    而且 将“flags.complex_case”设为 true
    当 进行法制审核
    那么 规则“C07-COLLECTIVE-DISCUSSION-NEEDED”触发
    而且 条目“C07”的结果为“符合”

  场景: C07 已有集体讨论记录
    假如 以干净的处罚案卷为基础
    而且 将“flags.grave_violation”设为 true
    而且 将“timeline.collective_discussion”设为 2025-05-08
    当 进行法制审核
    那么 规则“C07-COLLECTIVE-DISCUSSION-NEEDED”未触发
