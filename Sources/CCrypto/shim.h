// OpenSSL's libcrypto (brought by libsnmp-dev through libssl-dev): SHA-256 for the records'
// content hash. `SHA256()` imports as it is; nothing here needs a wrapper.
#include <openssl/sha.h>
