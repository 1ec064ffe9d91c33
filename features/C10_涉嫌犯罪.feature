# language: zh-CN
功能: C10 是否涉嫌犯罪需要移送
  按数额的立案追诉标准在 checklists/crime_thresholds.csv（规则 C10-PROSECUTE-*），标准均为“以上”，含本数；
  不以数额为准的严重后果、线索数额不明、移送意见和罚款折抵在 rules/C10_crime.yaml。
  干净案卷没有涉嫌犯罪线索（crime_indicators 为空）。

  场景: C10 没有涉嫌犯罪线索的案卷不触发 C10 规则
    假如 以干净的处罚案卷为基础
    当 进行法制审核
    那么 规则“C10-FOOD-SAFETY-SERIOUS-HARM”未触发
    而且 规则“C10-TRANSFER-NOT-PROPOSED”未触发
    而且 规则“C10-PROSECUTE-FAKEPRODUCTS-SALESAMOUNT”未触发
    而且 条目“C10”的结果为“符合”

  场景: C10 伪劣产品销售金额达到5万元应移送
    # 立案追诉标准（一）第十六条：销售金额五万元以上
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: fake_products, sales_amount: 50000}]
    当 进行法制审核
    那么 规则“C10-PROSECUTE-FAKEPRODUCTS-SALESAMOUNT”触发
    而且 规则“C10-TRANSFER-NOT-PROPOSED”触发
    而且 审核结论为“建议移送司法机关”
    而且 条目“C10”的结果为“不符合”

  场景: C10 伪劣产品销售金额差1元不到5万元不移送，只提示说明
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: fake_products, sales_amount: 49999}]
    当 进行法制审核
    那么 规则“C10-PROSECUTE-FAKEPRODUCTS-SALESAMOUNT”未触发
    而且 规则“C10-TRANSFER-NOT-PROPOSED”触发
    而且 审核结论为“同意”

  场景: C10 伪劣产品货值金额达到15万元应移送
    # 立案追诉标准（一）第十六条：伪劣产品尚未销售，货值金额十五万元以上
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: fake_products, goods_value: 150000}]
    当 进行法制审核
    那么 规则“C10-PROSECUTE-FAKEPRODUCTS-GOODSVALUE”触发
    而且 审核结论为“建议移送司法机关”

  场景: C10 伪劣产品货值金额不足15万元
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: fake_products, goods_value: 149999}]
    当 进行法制审核
    那么 规则“C10-PROSECUTE-FAKEPRODUCTS-GOODSVALUE”未触发

  场景: C10 个人非法经营数额达到5万元应移送
    # 立案追诉标准（二）第七十一条：个人非法经营数额在五万元以上，或者违法所得数额在一万元以上
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: illegal_business, business_amount: 50000, illegal_gains: 10000}]
    当 进行法制审核
    那么 规则“C10-PROSECUTE-ILLEGALBUSINESS-BUSINESSAMOUNT-IND”触发
    而且 规则“C10-PROSECUTE-ILLEGALBUSINESS-ILLEGALGAINS-IND”触发
    而且 规则“C10-PROSECUTE-ILLEGALBUSINESS-BUSINESSAMOUNT-ORG”未触发
    而且 审核结论为“建议移送司法机关”

  场景: C10 个人非法经营数额和违法所得均差1元未达标准
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: illegal_business, business_amount: 49999, illegal_gains: 9999}]
    当 进行法制审核
    那么 规则“C10-PROSECUTE-ILLEGALBUSINESS-BUSINESSAMOUNT-IND”未触发
    而且 规则“C10-PROSECUTE-ILLEGALBUSINESS-ILLEGALGAINS-IND”未触发

  场景: C10 单位非法经营数额达到50万元、违法所得达到10万元应移送
    # 立案追诉标准（二）第七十一条：单位非法经营数额在五十万元以上，或者违法所得数额在十万元以上
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].kind”设为 organisation
    而且 将“parties[0].credit_code”设为 91140400MA0XXXXX1A
    而且 将“crime_indicators”设为 [{offence: illegal_business, business_amount: 500000, illegal_gains: 100000}]
    当 进行法制审核
    那么 规则“C10-PROSECUTE-ILLEGALBUSINESS-BUSINESSAMOUNT-ORG”触发
    而且 规则“C10-PROSECUTE-ILLEGALBUSINESS-ILLEGALGAINS-ORG”触发
    而且 审核结论为“建议移送司法机关”

  场景: C10 单位非法经营数额达到个人标准但未达单位标准
    假如 以干净的处罚案卷为基础
    而且 将“parties[0].kind”设为 organisation
    而且 将“parties[0].credit_code”设为 91140400MA0XXXXX1A
    而且 将“crime_indicators”设为 [{offence: illegal_business, business_amount: 499999, illegal_gains: 99999}]
    当 进行法制审核
    那么 规则“C10-PROSECUTE-ILLEGALBUSINESS-BUSINESSAMOUNT-ORG”未触发
    而且 规则“C10-PROSECUTE-ILLEGALBUSINESS-ILLEGALGAINS-ORG”未触发
    而且 规则“C10-PROSECUTE-ILLEGALBUSINESS-BUSINESSAMOUNT-IND”未触发

  场景: C10 食品足以造成严重食物中毒事故，不论数额都应移送
    # 刑法第一百四十三条
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: food_safety, serious_harm: true}]
    当 进行法制审核
    那么 规则“C10-FOOD-SAFETY-SERIOUS-HARM”触发
    而且 规则“C10-INDICATOR-AMOUNT-MISSING”未触发
    而且 审核结论为“建议移送司法机关”

  场景: C10 不符合安全标准的食品未造成严重后果，不按此罪移送
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: food_safety, serious_harm: false, sales_amount: 120}]
    当 进行法制审核
    那么 规则“C10-FOOD-SAFETY-SERIOUS-HARM”未触发
    而且 规则“C10-INDICATOR-AMOUNT-MISSING”未触发

  场景: C10 涉嫌犯罪线索没有任何数额需查明
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: fake_products}]
    当 进行法制审核
    那么 规则“C10-INDICATOR-AMOUNT-MISSING”触发
    而且 审核结论为“建议修改后再送审”

  场景: C10 承办机构已提出移送，不再提示移送意见
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: fake_products, sales_amount: 80000, transfer_proposed: true}]
    当 进行法制审核
    那么 规则“C10-TRANSFER-NOT-PROPOSED”未触发
    而且 规则“C10-PROSECUTE-FAKEPRODUCTS-SALESAMOUNT”触发

  场景: C10 已提出移送又拟罚款，提示罚款与罚金折抵
    # 行政处罚法第三十五条第二款
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: fake_products, sales_amount: 80000, transfer_proposed: true}]
    当 进行法制审核
    那么 规则“C10-FINE-WHILE-TRANSFERRING”触发

  场景: C10 已提出移送且不拟罚款，无需提示折抵
    假如 以干净的处罚案卷为基础
    而且 将“crime_indicators”设为 [{offence: fake_products, sales_amount: 80000, transfer_proposed: true}]
    而且 删除“decision.measures[1]”
    当 进行法制审核
    那么 规则“C10-FINE-WHILE-TRANSFERRING”未触发

  场景: C10 示例案卷 05 销售伪劣电线电缆8万元应移送
    假如 以示例案卷“05”为基础
    当 进行法制审核
    那么 规则“C10-PROSECUTE-FAKEPRODUCTS-SALESAMOUNT”触发
    而且 审核结论为“建议移送司法机关”
