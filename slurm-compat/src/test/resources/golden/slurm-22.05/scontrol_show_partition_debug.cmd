scontrol show partition debug
