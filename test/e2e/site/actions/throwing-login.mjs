// A --login module that fails the way user code does: the audit must stop with exit code 2 and this reason.
export default async function login() {
  throw new Error('the login button was not found');
}
