cat env.sh; sbatch -J myname -p debug -o env_J_myname_p_debug.env env.sh
