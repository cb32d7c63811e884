scontrol show job 417
