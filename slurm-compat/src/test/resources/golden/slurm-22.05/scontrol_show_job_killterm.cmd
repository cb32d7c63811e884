scontrol show job 51
