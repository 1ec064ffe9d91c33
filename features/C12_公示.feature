# language: zh-CN
功能: C12 公示安排
  行政许可、行政处罚决定自作出之日起 7 个工作日内公开，其他执法决定 20 个工作日内公开（万新街实施方案，
  档案参数 publication_workdays_penalty_licence / publication_workdays_other）；决定当日不计，节假日和调休按法定安排。
  干净案卷拟作出决定日期 2025-05-09（星期五），计划 2025-05-15 公示（第 4 个工作日），已作去标识化处理。

  场景: C12 公示安排齐全、按期的案卷符合要求
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C12-NO-PLAN”未触发
    而且 规则“C12-NO-DATE”未触发
    而且 规则“C12-BEFORE-DECISION”未触发
    而且 规则“C12-LATE-PENALTY-LICENCE”未触发
    而且 规则“C12-NOT-REDACTED”未触发
    而且 条目“C12”的结果为“符合”

  场景: C12 没有公示安排
    # 行政处罚法第四十八条第一款：具有一定社会影响的行政处罚决定应当依法公开
    假如 以干净的处罚案卷为基础
    而且 将“publication.planned”设为 false
    当 进行法制审核
    那么 规则“C12-NO-PLAN”触发
    而且 规则“C12-NOT-REDACTED”未触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C12”的结果为“不符合”

  场景: C12 有公示安排但没有公示日期
    假如 以干净的处罚案卷为基础
    而且 删除“publication.planned_date”
    当 进行法制审核
    那么 规则“C12-NO-DATE”触发
    而且 规则“C12-NO-PLAN”未触发

  场景: C12 计划在决定前一日公示
    假如 以干净的处罚案卷为基础
    而且 将“publication.planned_date”设为 2025-05-08
    当 进行法制审核
    那么 规则“C12-BEFORE-DECISION”触发

  场景: C12 决定当日公示可以
    假如 以干净的处罚案卷为基础
    而且 将“publication.planned_date”设为 2025-05-09
    当 进行法制审核
    那么 规则“C12-BEFORE-DECISION”未触发
    而且 规则“C12-LATE-PENALTY-LICENCE”未触发

  场景: C12 行政处罚第 7 个工作日公示仍在期限内
    # 5-12 至 5-16 为第 1–5 个工作日，5-19 第 6 个，5-20 第 7 个
    假如 以干净的处罚案卷为基础
    而且 将“publication.planned_date”设为 2025-05-20
    当 进行法制审核
    那么 规则“C12-LATE-PENALTY-LICENCE”未触发

  场景: C12 行政处罚第 8 个工作日公示超期
    假如 以干净的处罚案卷为基础
    而且 将“publication.planned_date”设为 2025-05-21
    当 进行法制审核
    那么 规则“C12-LATE-PENALTY-LICENCE”触发
    而且 规则“C12-LATE-OTHER”未触发
    而且 审核结论为“建议修改后再送审”

  场景: C12 行政强制决定跨国庆假期第 20 个工作日公示仍在期限内
    # 示例 08 拟作出决定日期 2025-09-04；9-28（星期日）调休上班；10-1 至 10-8 放假；10-9 为第 20 个工作日
    假如 以示例案卷“08”为基础
    而且 将“publication.planned_date”设为 2025-10-09
    当 进行法制审核
    那么 规则“C12-LATE-OTHER”未触发
    而且 规则“C12-LATE-PENALTY-LICENCE”未触发

  场景: C12 行政强制决定第 21 个工作日公示超期
    假如 以示例案卷“08”为基础
    而且 将“publication.planned_date”设为 2025-10-10
    当 进行法制审核
    那么 规则“C12-LATE-OTHER”触发
    而且 规则“C12-LATE-PENALTY-LICENCE”未触发

  场景: C12 公开前未去标识化
    # 万新街实施方案：涉及商业秘密、个人隐私等不宜公开的，应当作适当处理后公开
    假如 以干净的处罚案卷为基础
    而且 将“publication.redaction_done”设为 false
    当 进行法制审核
    那么 规则“C12-NOT-REDACTED”触发
    而且 审核结论为“建议修改后再送审”
