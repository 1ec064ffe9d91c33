# language: zh-CN
功能: C11 执法全过程记录
  现场检查、听证等容易引发争议的执法活动应有音像记录，查封扣押全过程音像记录，每条记录标注本案编号、
  时间、地点、记录人和证明事项（行政处罚法第四十七条）。
  干净案卷的 recordings：[0] 现场检查（全程），[1] 送达事先告知书（非全程）；evidence[0] 为现场检查笔录。

  场景: C11 记录齐全、标注完整的案卷符合要求
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C11-INSPECTION-NOT-RECORDED”未触发
    而且 规则“C11-HEARING-NOT-RECORDED”未触发
    而且 规则“C11-SEIZURE-NOT-CONTINUOUS”未触发
    而且 规则“C11-CASE-NUMBER-MISMATCH”未触发
    而且 规则“C11-RECORDING-UNTAGGED”未触发
    而且 条目“C11”的结果为“符合”

  场景: C11 有现场检查笔录却没有现场检查音像记录
    假如 以干净的处罚案卷为基础
    而且 删除“recordings[0]”
    当 进行法制审核
    那么 规则“C11-INSPECTION-NOT-RECORDED”触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C11”的结果为“不符合”

  场景: C11 现场检查有音像记录即可，不要求全程不间断
    假如 以干净的处罚案卷为基础
    而且 将“recordings[0].continuous”设为 false
    当 进行法制审核
    那么 规则“C11-INSPECTION-NOT-RECORDED”未触发

  场景: C11 举行了听证却没有听证音像记录
    假如 以干净的处罚案卷为基础
    而且 时间节点为：
      | hearing_requested | 2025-04-16 |
      | hearing_notice | 2025-04-18 |
      | hearing_held | 2025-04-29 |
    当 进行法制审核
    那么 规则“C11-HEARING-NOT-RECORDED”触发

  场景: C11 听证有音像记录
    假如 以干净的处罚案卷为基础
    而且 时间节点为：
      | hearing_requested | 2025-04-16 |
      | hearing_notice | 2025-04-18 |
      | hearing_held | 2025-04-29 |
    而且 将“recordings[1].activity”设为 hearing
    当 进行法制审核
    那么 规则“C11-HEARING-NOT-RECORDED”未触发

  场景: C11 已当场查封却没有查封现场的全程音像记录
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0].type”设为 seizure
    而且 将“decision.measures[0].executed_on”设为 2025-04-02
    当 进行法制审核
    那么 规则“C11-SEIZURE-NOT-CONTINUOUS”触发

  场景: C11 拟查封、尚未实施，还没有现场可记录
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0].type”设为 seizure
    当 进行法制审核
    那么 规则“C11-SEIZURE-NOT-CONTINUOUS”未触发

  场景: C11 查封现场有记录但中途中断
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0].type”设为 seizure
    而且 将“decision.measures[0].executed_on”设为 2025-04-02
    而且 将“recordings[1].activity”设为 seizure
    而且 将“recordings[1].continuous”设为 false
    当 进行法制审核
    那么 规则“C11-SEIZURE-NOT-CONTINUOUS”触发

  场景: C11 扣押现场全程音像记录
    假如 以干净的处罚案卷为基础
    而且 将“decision.measures[0].type”设为 impoundment
    而且 将“decision.measures[0].executed_on”设为 2025-04-02
    而且 将“recordings[1].activity”设为 seizure
    而且 将“recordings[1].continuous”设为 true
    当 进行法制审核
    那么 规则“C11-SEIZURE-NOT-CONTINUOUS”未触发

  场景: C11 示例案卷 08 查封全程记录
    假如 以示例案卷“08”为基础
    当 进行法制审核
    那么 规则“C11-SEIZURE-NOT-CONTINUOUS”未触发

  场景: C11 音像记录标注的是别案编号
    假如 以干净的处罚案卷为基础
    而且 将“recordings[1].case_number”设为 长市监罚〔2025〕102号
    当 进行法制审核
    那么 规则“C11-CASE-NUMBER-MISMATCH”触发
    而且 审核结论为“建议修改后再送审”

  场景: C11 音像记录未标注记录人
    假如 以干净的处罚案卷为基础
    而且 删除“recordings[1].recorder”
    当 进行法制审核
    那么 规则“C11-RECORDING-UNTAGGED”触发
    而且 规则“C11-CASE-NUMBER-MISMATCH”未触发

  场景: C11 音像记录未标注案件编号
    假如 以干净的处罚案卷为基础
    而且 删除“recordings[0].case_number”
    当 进行法制审核
    那么 规则“C11-RECORDING-UNTAGGED”触发
    而且 规则“C11-CASE-NUMBER-MISMATCH”未触发
