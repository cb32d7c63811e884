sbatch --gres=gpu:a100:2 --wrap=true
