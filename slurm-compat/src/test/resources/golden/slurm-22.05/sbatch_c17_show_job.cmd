scontrol show job 63
