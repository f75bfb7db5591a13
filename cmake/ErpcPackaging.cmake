# Installation and the find_package(erpconnect) package; filled in with the packaging work.
