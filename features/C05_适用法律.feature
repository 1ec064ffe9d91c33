# language: zh-CN
功能: C05 适用法律是否准确
  审核违法条款与处罚依据是否都已引用，所引条文在违法行为发生时和作出决定时是否有效。
  干净案卷：违法行为发生于 2025-03-01，拟作出决定日期 2025-05-09；
  legal_basis[0] 为违法条款，[1] 为处罚依据，[2] 为裁量依据（行政处罚法第三十二条）。
  条文有效期按“施行日期 ≤ 某日 < 失效日期”理解。

  场景: C05 引用齐全且均有效的案卷不触发 C05 规则
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C05-VIOLATED-MISSING”未触发
    而且 规则“C05-PENALTY-BASIS-MISSING”未触发
    而且 规则“C05-PROVISION-NOT-YET-IN-FORCE”未触发
    而且 条目“C05”的结果为“符合”

  场景: C05 未引用违法条款需补正
    # 行政处罚法第五十九条第一款第（二）项：决定书载明违反法律、法规、规章的事实和证据
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[0].role”设为 discretion
    当 进行法制审核
    那么 规则“C05-VIOLATED-MISSING”触发
    而且 规则“C05-PENALTY-BASIS-MISSING”未触发
    而且 审核结论为“建议修改后再送审”
    而且 条目“C05”的结果为“不符合”

  场景: C05 未引用处罚依据不同意
    # 行政处罚法第三十八条第一款：没有依据的行政处罚无效
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[1].role”设为 procedure
    当 进行法制审核
    那么 规则“C05-PENALTY-BASIS-MISSING”触发
    而且 规则“C05-VIOLATED-MISSING”未触发
    而且 审核结论为“不同意”

  场景: C05 非处罚案件不要求违法条款和处罚依据
    假如 以示例案卷“08”为基础
    当 进行法制审核
    那么 规则“C05-VIOLATED-MISSING”未触发
    而且 规则“C05-PENALTY-BASIS-MISSING”未触发

  场景: C05 引用的条文在拟决定日之后才施行
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[2].in_force_from”设为 2025-05-10
    当 进行法制审核
    那么 规则“C05-PROVISION-NOT-YET-IN-FORCE”触发
    而且 审核结论为“不同意”

  场景: C05 条文在拟决定日当天施行，可以引用
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[2].in_force_from”设为 2025-05-09
    当 进行法制审核
    那么 规则“C05-PROVISION-NOT-YET-IN-FORCE”未触发

  场景: C05 违法条款在违法行为发生当日已失效
    # 行政处罚法第三十七条：适用违法行为发生时的规定
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[0].in_force_until”设为 2025-03-01
    当 进行法制审核
    那么 规则“C05-REPEALED-BEFORE-CONDUCT”触发
    而且 规则“C05-OLD-LAW-SINCE-CHANGED”未触发
    而且 审核结论为“不同意”

  场景: C05 违法条款在行为时有效、决定前失效，只提示比较新旧轻重
    # 行政处罚法第三十七条但书：新规定处罚较轻或者不认为是违法的，适用新的规定
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[0].in_force_until”设为 2025-03-02
    当 进行法制审核
    那么 规则“C05-REPEALED-BEFORE-CONDUCT”未触发
    而且 规则“C05-OLD-LAW-SINCE-CHANGED”触发
    而且 条目“C05”的结果为“符合”

  场景: C05 处罚依据在拟决定日当天失效，也需比较新旧轻重
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[1].in_force_until”设为 2025-05-09
    当 进行法制审核
    那么 规则“C05-OLD-LAW-SINCE-CHANGED”触发

  场景: C05 处罚依据在拟决定日之后才失效，无需提示
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[1].in_force_until”设为 2025-05-10
    当 进行法制审核
    那么 规则“C05-OLD-LAW-SINCE-CHANGED”未触发
    而且 审核结论为“同意”

  场景: C05 对施行前的违法行为适用新规定需说明从轻理由
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[1].in_force_from”设为 2025-03-02
    当 进行法制审核
    那么 规则“C05-NEW-LAW-APPLIED-RETROACTIVELY”触发
    而且 审核结论为“建议修改后再送审”

  场景: C05 条文在违法行为发生当日施行，不属于溯及适用
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[1].in_force_from”设为 2025-03-01
    当 进行法制审核
    那么 规则“C05-NEW-LAW-APPLIED-RETROACTIVELY”未触发

  场景: C05 裁量依据在拟决定日已失效需改引现行条文
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[2].in_force_until”设为 2025-05-09
    当 进行法制审核
    那么 规则“C05-SUPPORTING-PROVISION-REPEALED”触发
    而且 规则“C05-OLD-LAW-SINCE-CHANGED”未触发
    而且 审核结论为“建议修改后再送审”

  场景: C05 裁量依据在拟决定日仍有效
    假如 以干净的处罚案卷为基础
    而且 将“legal_basis[2].in_force_until”设为 2025-05-10
    当 进行法制审核
    那么 规则“C05-SUPPORTING-PROVISION-REPEALED”未触发
