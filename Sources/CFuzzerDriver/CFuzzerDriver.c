// Header-only: the declaration of LLVMFuzzerRunDriver lives in include/CFuzzerDriver.h.
#include "CFuzzerDriver.h"
