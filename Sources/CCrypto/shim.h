// OpenSSL's libcrypto (brought by libsnmp-dev through libssl-dev): SHA-256 for the records'
// content hash. `SHA256()` for one buffer, the EVP digest API for a record hashed part by part.
#include <openssl/sha.h>
#include <openssl/evp.h>
