scancel abc
