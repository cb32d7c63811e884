sbatch -C 'a&b' --wrap=true
