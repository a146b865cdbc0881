/** Set at build time: debug logging is compiled in only when SESSIONSCOPE_DEBUG=1. */
declare const __DEBUG__: boolean;
