sacct -j abc
