scontrol show node n4
