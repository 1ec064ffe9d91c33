# language: zh-CN
功能: C09 执法文书是否规范齐备
  行政处罚一般程序案卷应有立案审批表、调查终结报告、事先告知书、陈述申辩笔录、送达回证和决定书草案，
  每份文书签章并注明日期。干净案卷的 documents 依次为：[0] 立案审批表、[1] 现场检查笔录、[2] 询问笔录、
  [3] 调查终结报告、[4] 行政处罚事先告知书、[5] 陈述申辩笔录、[6] 送达回证、[7] 行政处罚决定书（草案）。

  场景: C09 文书齐备且均已签章的案卷符合要求
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C09-DOCUMENT-UNSIGNED”未触发
    而且 规则“C09-FILING-FORM-MISSING”未触发
    而且 规则“C09-INVESTIGATION-REPORT-MISSING”未触发
    而且 规则“C09-NOTICE-DOCUMENT-MISSING”未触发
    而且 规则“C09-SERVICE-PROOF-MISSING”未触发
    而且 规则“C09-STATEMENT-RECORD-MISSING”未触发
    而且 规则“C09-DRAFT-DECISION-MISSING”未触发
    而且 条目“C09”的结果为“符合”

  场景: C09 询问笔录未签名需补正
    # 行政处罚法第五十五条第二款：询问或者检查应当制作笔录
    假如 以干净的处罚案卷为基础
    而且 将“documents[2].signed”设为 false
    当 进行法制审核
    那么 规则“C09-DOCUMENT-UNSIGNED”触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C09”的结果为“不符合”

  场景: C09 文书未注明日期也需补正
    假如 以干净的处罚案卷为基础
    而且 将“documents[7].dated”设为 false
    当 进行法制审核
    那么 规则“C09-DOCUMENT-UNSIGNED”触发

  场景: C09 缺少立案审批表
    # 行政处罚法第五十四条第二款：符合立案标准的，应当及时立案
    假如 以干净的处罚案卷为基础
    而且 删除“documents[0]”
    当 进行法制审核
    那么 规则“C09-FILING-FORM-MISSING”触发
    而且 审核结论为“建议修改后再送审”

  场景: C09 简易程序不要求立案审批表等一般程序文书
    假如 以干净的处罚案卷为基础
    而且 将“procedure”设为 summary
    而且 删除“documents[0]”
    当 进行法制审核
    那么 规则“C09-FILING-FORM-MISSING”未触发

  场景: C09 缺少调查终结报告
    # 行政处罚法第五十七条第一款：调查终结，负责人对调查结果进行审查
    假如 以干净的处罚案卷为基础
    而且 删除“documents[3]”
    当 进行法制审核
    那么 规则“C09-INVESTIGATION-REPORT-MISSING”触发
    而且 规则“C09-FILING-FORM-MISSING”未触发

  场景: C09 已告知却缺少事先告知书和送达回证
    # 行政处罚法第四十四条（告知）、第四十七条（送达全过程记录）
    假如 以干净的处罚案卷为基础
    而且 删除“documents[6]”
    而且 删除“documents[4]”
    当 进行法制审核
    那么 规则“C09-NOTICE-DOCUMENT-MISSING”触发
    而且 规则“C09-SERVICE-PROOF-MISSING”触发

  场景: C09 尚未告知时不要求事先告知书和送达回证（未告知本身由 C07 审核）
    假如 以干净的处罚案卷为基础
    而且 删除“timeline.notice_of_intent”
    而且 删除“documents[6]”
    而且 删除“documents[4]”
    当 进行法制审核
    那么 规则“C09-NOTICE-DOCUMENT-MISSING”未触发
    而且 规则“C09-SERVICE-PROOF-MISSING”未触发
    而且 规则“C07-NO-NOTICE-OF-INTENT”触发

  场景: C09 已听取陈述申辩却缺少笔录
    # 行政处罚法第四十五条第一款：必须充分听取当事人的意见并复核
    假如 以干净的处罚案卷为基础
    而且 删除“documents[5]”
    当 进行法制审核
    那么 规则“C09-STATEMENT-RECORD-MISSING”触发

  场景: C09 当事人放弃陈述申辩时不要求陈述申辩笔录
    假如 以干净的处罚案卷为基础
    而且 删除“timeline.statement_heard”
    而且 将“timeline.statement_waived”设为 true
    而且 删除“documents[5]”
    当 进行法制审核
    那么 规则“C09-STATEMENT-RECORD-MISSING”未触发

  场景: C09 缺少行政处罚决定书草案
    # 行政处罚法第五十九条第一款：应当制作行政处罚决定书
    假如 以干净的处罚案卷为基础
    而且 删除“documents[7]”
    当 进行法制审核
    那么 规则“C09-DRAFT-DECISION-MISSING”触发
    而且 审核结论为“建议修改后再送审”
