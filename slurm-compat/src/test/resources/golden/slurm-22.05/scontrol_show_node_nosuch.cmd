scontrol show node nosuch
