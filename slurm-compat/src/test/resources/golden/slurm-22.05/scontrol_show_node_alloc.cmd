scontrol show node n2
