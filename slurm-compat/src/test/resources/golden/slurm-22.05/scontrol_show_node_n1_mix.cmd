scontrol show node n1
