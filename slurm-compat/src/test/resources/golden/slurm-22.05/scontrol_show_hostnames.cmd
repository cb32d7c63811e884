scontrol show hostnames 'n[1-3],x[01-02]'
