scontrol show job 70
