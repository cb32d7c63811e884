scontrol show job abc
