/** Public pages the rules cite, in one place so a moved page is fixed once. */
export const SOURCE_URL = {
  zap10010: 'https://www.zaproxy.org/docs/alerts/10010/',
  zap10011: 'https://www.zaproxy.org/docs/alerts/10011/',
  zap10054_1: 'https://www.zaproxy.org/docs/alerts/10054-1/',
  zap10054_2: 'https://www.zaproxy.org/docs/alerts/10054-2/',
  zap10054_3: 'https://www.zaproxy.org/docs/alerts/10054-3/',
  zap90033: 'https://www.zaproxy.org/docs/alerts/90033/',
  observatory: 'https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring',
  owaspSession: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html',
  owaspSessionEntropy:
    'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-id-entropy',
  owaspSessionName:
    'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-id-name-fingerprinting',
  owaspSessionExpire:
    'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#expire-and-max-age-attributes',
  owaspSessionDomain:
    'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#domain-and-path-attributes',
  owaspSessionUrl:
    'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-id-exchange-mechanism',
  owaspJwt: 'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html',
  owaspWstgSess02:
    'https://owasp.org/www-project-web-security-testing-guide/stable/4-Web_Application_Security_Testing/06-Session_Management_Testing/02-Testing_for_Cookies_Attributes',
  chips: 'https://datatracker.ietf.org/doc/html/draft-cutler-httpbis-partitioned-cookies',
  wstgSess03:
    'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/06-Session_Management_Testing/03-Testing_for_Session_Fixation',
  wstgSess06:
    'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/06-Session_Management_Testing/06-Testing_for_Logout_Functionality',
  rfc6265bis: 'https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis',
  rfc7519Unsecured: 'https://www.rfc-editor.org/rfc/rfc7519#section-6',
  rfc7519Exp: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4',
} as const;
