// serverless-iam-roles-per-function gives every function its own role, but the framework has
// already added its shared default role (`IamRoleLambdaExecution`), with the statements of all
// functions merged in (e.g. reconcile's sqs:SendMessage). No function assumes it, so it is dropped:
// a role nobody uses is still a grant a security review has to read. Listed after that plugin in
// serverless.yml, so this hook runs after it has moved every function to its own role.
const ROLE = 'IamRoleLambdaExecution';

class DropUnusedDefaultRole {
  constructor(serverless) {
    this.hooks = {
      'before:package:finalize': () => {
        const resources = serverless.service.provider.compiledCloudFormationTemplate.Resources;
        if (!resources[ROLE]) return;
        const { [ROLE]: _, ...others } = resources;
        const referenced = JSON.stringify(others).includes(`"${ROLE}"`);
        if (!referenced) delete resources[ROLE];
      },
    };
  }
}

module.exports = DropUnusedDefaultRole;
