//! Files: article import (encodings, line ends), the RON annotation format, atomic saves,
//! recovery files.
