squeue -o '%.18i %.9P %.30j'
