/* confdefs.h */
#define PACKAGE_NAME "caredesk"
#define PACKAGE_TARNAME "caredesk"
#define PACKAGE_VERSION "0.1.0"
#define PACKAGE_STRING "caredesk 0.1.0"
#define PACKAGE_BUGREPORT ""
#define PACKAGE_URL ""
#define PACKAGE "caredesk"
#define VERSION "0.1.0"
