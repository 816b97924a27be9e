import { register } from '../shared/i18n';

const zh = {
  'pos.pageTitle': 'Unimember 商户收银台',
  'pos.title': '商户收银台',
  'pos.merchant': '商户',
  'pos.scene': '使用场景',

  'signin.heading': '商户登录',
  'signin.demoHint': '演示商户：编号 merchant-demo，密钥 demo-secret（休闲娱乐场景）。',
  'signin.clientId': '商户编号（client id）',
  'signin.secret': '密钥（client secret）',
  'signin.submit': '登录',
  'signin.needBoth': '请输入商户编号和密钥。',
  'signin.notMerchant': '这个账号不是商户账号，不能使用收银台。',

  'redeem.heading': '核销神券',
  'redeem.code': '券码（扫码枪扫描或手动输入）',
  'redeem.codePlaceholder': '会员出示的券码',
  'redeem.amount': '消费金额（元，选填；有门槛或折扣券必填）',
  'redeem.amountPlaceholder': '如 88.00',
  'redeem.submit': '核销',
  'redeem.needCode': '请扫描或输入券码。',
  'redeem.badAmount': '消费金额应为大于 0 的数字，最多两位小数。',
  'redeem.done': '核销成功',
  'redeem.discount': '优惠 {amount}',
  'redeem.funding': '由{funder}出资，在{scene}使用',
  'redeem.at': '核销时间 {time}',

  'lookup.heading': '查询会员权益',
  'lookup.memberId': '会员号（扫会员码或输入）',
  'lookup.amount': '消费金额（元，选填，用于计算优惠）',
  'lookup.submit': '查询',
  'lookup.needMember': '请输入会员号。',
  'lookup.tier': '等级',
  'lookup.phone': '手机号',
  'lookup.points': '可用积分',
  'lookup.pointsWorth': '{points}（可抵 {amount}）',
  'lookup.coupons': '本店可用神券',
  'lookup.noCoupons': '该会员在本店暂无可用神券。',
  'lookup.benefits': '会员权益',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'pos.pageTitle': 'Unimember merchant POS',
  'pos.title': 'Merchant POS',
  'pos.merchant': 'Merchant',
  'pos.scene': 'Scene',

  'signin.heading': 'Merchant sign-in',
  'signin.demoHint': 'Demo merchant: id merchant-demo, secret demo-secret (entertainment).',
  'signin.clientId': 'Merchant id (client id)',
  'signin.secret': 'Secret (client secret)',
  'signin.submit': 'Sign in',
  'signin.needBoth': 'Please enter the merchant id and secret.',
  'signin.notMerchant': 'This account is not a merchant account and cannot use the POS.',

  'redeem.heading': 'Redeem a coupon',
  'redeem.code': 'Coupon code (scan it or type it)',
  'redeem.codePlaceholder': 'The code the member shows',
  'redeem.amount': 'Bill in yuan (optional; needed for minimum-spend and percent coupons)',
  'redeem.amountPlaceholder': 'e.g. 88.00',
  'redeem.submit': 'Redeem',
  'redeem.needCode': 'Please scan or type a coupon code.',
  'redeem.badAmount': 'The bill must be a number above 0 with at most two decimals.',
  'redeem.done': 'Redeemed',
  'redeem.discount': '{amount} off',
  'redeem.funding': 'Funded by {funder}, used at {scene}',
  'redeem.at': 'Redeemed at {time}',

  'lookup.heading': 'Look up a member',
  'lookup.memberId': 'Member id (scan the member code or type it)',
  'lookup.amount': 'Bill in yuan (optional, to work out discounts)',
  'lookup.submit': 'Look up',
  'lookup.needMember': 'Please enter a member id.',
  'lookup.tier': 'Tier',
  'lookup.phone': 'Phone',
  'lookup.points': 'Points available',
  'lookup.pointsWorth': '{points} (worth {amount})',
  'lookup.coupons': 'Coupons usable here',
  'lookup.noCoupons': 'This member has no coupon usable here.',
  'lookup.benefits': 'Benefits',
};

register({ zh, en });
