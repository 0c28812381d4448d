// The alarms' actions: the `alarmTopicArn` parameter's SNS topic, or none (the alarms then only
// show in CloudWatch). Decided at package time, so the template holds no always-true condition.
module.exports = async ({ resolveVariable }) => {
  const topic = String((await resolveVariable('param:alarmTopicArn')) ?? '').trim();
  return topic === '' ? [] : [topic];
};
