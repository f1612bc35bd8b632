#ifndef PEARL_STUB_H
#define PEARL_STUB_H

/* Announces the stub with the unsolicited SLIP frame "OHAI", then answers loader commands until
   FLASH_END asks for a restart. Never returns. */
void stub_serve(void) __attribute__((noreturn));

#endif
