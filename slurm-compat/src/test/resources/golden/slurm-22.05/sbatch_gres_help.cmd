sbatch --gres=help --wrap=true
