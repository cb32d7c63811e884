scontrol show job 417_9
